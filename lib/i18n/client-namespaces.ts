import type messages from "@/messages/fr.json";

/** A top-level key of messages/fr.json (and en.json). */
export type MessageNamespace = keyof typeof messages;

/**
 * The messages each client provider hands to the browser, by scope: the route whose layout renders
 * `<ClientMessages scope="…">` (components/i18n/ClientMessages.tsx). "/" is everything no such
 * layout covers: the root layout renders no provider (its error page gets its texts from
 * components/i18n/ErrorTexts.tsx), so that a public page made of server components loads no
 * translation runtime in the browser; client components there may use no namespace. A nested
 * provider replaces the one above it, so a scope lists every namespace of every client component
 * under it. A page that shows its forms to signed-in people only (`/jobs/[id]`,
 * `/offers/[id]`) renders the provider itself, for them only (LazyClientMessages): an anonymous
 * visitor of those public pages gets no form texts, and no code of the provider or the forms.
 *
 * `tests/unit/client-namespaces.test.ts` reads the source: it fails when a client component under a
 * scope uses a namespace the scope does not list (useTranslations("ns"), a key "ns.key" given to a
 * root translator, or a key a server action of the route sends back), and when a scope lists one
 * that nothing under it uses.
 */
export const CLIENT_NAMESPACES = {
  "/": [],
  "/account": ["account", "common", "validation"],
  "/admin": ["admin", "common", "moderation", "validation"],
  "/admin/background": ["backgroundAdmin", "common"],
  "/admin/disputes/[id]": ["adminPayments", "attachments", "common", "disputes", "payments", "validation"],
  "/admin/einvoicing": ["common", "einvoicing"],
  "/admin/insights": ["common", "insights", "validation"],
  "/admin/legal": ["adminLegal", "common", "legalVersions", "validation"],
  "/admin/payments": ["adminPayments", "common", "moderation", "validation"],
  "/admin/reports": ["common", "moderation", "validation"],
  "/admin/savings": ["adminSavings", "common", "validation"],
  "/admin/security": ["common", "secondFactor", "validation"],
  "/admin/support/[id]": ["common", "support", "validation"],
  "/admin/vetting/[id]": ["common", "moderation", "validation", "vetting"],
  "/contact": ["common", "support", "validation"],
  "/contracts/[id]": ["attachments", "common", "contracts", "contractsAdmin", "payments", "retainers", "reviews", "training", "validation"],
  "/contracts/[id]/disputes": ["attachments", "common", "disputes", "validation"],
  "/contracts/[id]/handover": ["attachments", "common", "handover", "validation"],
  "/contracts/[id]/plan": ["common", "retainerPlan", "validation"],
  "/contracts/[id]/tickets": ["common", "tickets", "validation"],
  "/dashboard": ["common", "dashboard", "einvoicing", "members", "validation"],
  "/decisions": ["common", "moderation", "validation"],
  "/expert/billing-mandate": ["billingMandate", "common", "validation"],
  "/expert/offers": ["common", "offers", "validation"],
  "/expert/payouts": ["common", "payments", "validation"],
  "/expert/profile": ["common", "expertProfile", "validation"],
  "/expert/tax-details": ["common", "dac7", "einvoicingSettings", "validation"],
  "/invitations": ["common", "invitation", "validation"],
  "/jobs/[id]": ["bids", "common", "jobBoard", "jobWizard", "validation"],
  "/jobs/[id]/bid/edit": ["bids", "common", "validation"],
  "/jobs/[id]/bid/retainer": ["common", "retainers", "validation"],
  "/jobs/[id]/bid/training": ["common", "training", "validation"],
  "/jobs/[id]/bids": ["bids", "common", "contracts", "validation"],
  "/jobs/[id]/bids/[bidId]": ["attachments", "common", "conversation", "validation"],
  "/jobs/[id]/edit": ["common", "jobWizard", "validation"],
  "/jobs/new": ["common", "jobWizard", "validation"],
  "/legal/accept": ["common", "legalVersions", "validation"],
  "/notifications": ["common", "notifications", "validation"],
  "/offers/[id]": ["common", "jobWizard", "moderation", "offers", "validation"],
  "/onboarding": ["common", "onboarding", "validation"],
  "/pay/test": ["common", "testMode", "validation"],
  "/report": ["common", "moderation", "validation"],
  "/reports": ["common", "moderation", "validation"],
  "/second-factor": ["common", "secondFactor", "validation"],
  "/signin": ["auth", "common", "validation"],
  "/support/[id]": ["common", "support", "validation"],
} as const satisfies Record<string, readonly MessageNamespace[]>;

export type ClientMessagesScope = keyof typeof CLIENT_NAMESPACES;

/** The named namespaces of a locale's messages, nothing else. */
export function pickNamespaces(messages: Record<string, unknown>, namespaces: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(namespaces.filter((namespace) => namespace in messages).map((namespace) => [namespace, messages[namespace]]));
}
