/**
 * Who may open each page and route handler of the app. The authorization matrix test reads the
 * app's file tree: a page or route handler missing here fails it, so that every new one is
 * given its expected access on purpose. `ok` lists who gets a 200; everyone else must be
 * refused (sent to sign in, onboarding or elsewhere, or answered 401, 403 or 404).
 */
import type { Who } from "./sessions";

const everyone: Who[] = ["anonymous", "newcomer", "clientOwner", "clientMember", "otherClient", "partyExpert", "otherExpert", "draftExpert", "admin", "pendingAdmin"];
const signedIn: Who[] = everyone.filter((w) => w !== "anonymous");
const clients: Who[] = ["clientOwner", "clientMember", "otherClient"];
const experts: Who[] = ["partyExpert", "otherExpert", "draftExpert"];
const demoOrg: Who[] = ["clientOwner", "clientMember"];
const contractParties: Who[] = [...demoOrg, "partyExpert", "admin"];

export interface Access {
  /** Who gets a 200. */
  ok: Who[];
  /** Why, when it is not obvious. */
  note?: string;
}

export const PAGES: Record<string, Access> = {
  "/": { ok: everyone },
  "/legal/notice": { ok: everyone },
  "/legal/privacy": { ok: everyone },
  "/legal/terms": { ok: everyone },
  "/legal/terms/versions": { ok: everyone },
  "/legal/terms/v/[version]": { ok: everyone, note: "version 1, always readable; a version never announced is a 404" },
  "/legal/privacy/v/[version]": { ok: everyone, note: "version 1, always readable; a version never announced is a 404" },
  "/legal/mandate/v/[version]": { ok: everyone, note: "the first version (mandat-2026-12), always readable; a version never announced is a 404" },
  "/legal/accept": { ok: [], note: "only with a version to accept (tested in legal-versions e2e); otherwise everyone is sent on, anonymous visitors to sign in" },
  "/signin": { ok: ["anonymous"], note: "signed-in people are sent on" },
  "/signin/check-email": { ok: everyone },
  "/signin/error": { ok: everyone },
  "/experts": { ok: everyone },
  "/savings": { ok: everyone },
  "/experts/[slug]": { ok: everyone, note: "a verified expert's public profile" },
  "/jobs": { ok: everyone },
  "/jobs/[id]": { ok: everyone, note: "a published need is public; its confidential part needs the NDA" },
  "/offers": { ok: everyone, note: "the public catalogue of ready-made offers" },
  "/offers/[id]": { ok: [], note: "a published offer is public, a draft its expert's and admins' only; no offer in the demo data: only refusals are checked (offers e2e opens real ones)" },
  "/dev/mailbox": { ok: everyone, note: "demo mode only (404 otherwise, tested apart)" },
  "/dev/mailbox/[id]": { ok: everyone, note: "demo mode only" },
  "/invitations/[token]": { ok: everyone, note: "an unknown token is explained on the page" },
  "/onboarding": { ok: ["newcomer"], note: "people with a role are sent on" },
  "/onboarding/organization": { ok: [], note: "a client with no organisation yet only; everyone here has one or is not a client" },
  "/dashboard": { ok: signedIn.filter((w) => !["newcomer", "admin", "pendingAdmin"].includes(w)), note: "admins are sent to /admin, newcomers to onboarding" },
  "/account": { ok: signedIn },
  "/account/reports": { ok: signedIn },
  "/notifications": { ok: signedIn, note: "each person sees their own notifications only" },
  "/notifications/settings": { ok: signedIn },
  "/jobs/new": { ok: clients },
  "/jobs/[id]/edit/[step]": { ok: [], note: "the demo need is published: no one edits it" },
  "/jobs/[id]/bids": { ok: [...demoOrg] },
  "/jobs/[id]/bids/[bidId]": { ok: [...demoOrg, "partyExpert"] },
  "/jobs/[id]/bid/edit": { ok: ["partyExpert"], note: "its author sees that an accepted bid is locked" },
  "/jobs/[id]/bid/training": { ok: [], note: "the training terms of one's own bid on a training need; the demo need is no training: only refusals are checked" },
  "/jobs/[id]/bid/retainer": { ok: [], note: "the service level of one's own bid on a monthly support need; the demo need is no monthly support: only refusals are checked" },
  "/contracts/[id]": { ok: contractParties },
  "/contracts/[id]/documents/[kind]": { ok: contractParties },
  "/contracts/[id]/handover": { ok: contractParties, note: "the access register and handover pack; admins read only" },
  "/contracts/[id]/tickets": { ok: [], note: "a retainer contract's parties and admins; the demo contract is no retainer: only refusals are checked" },
  "/contracts/[id]/tickets/[ticketId]": { ok: [], note: "a retainer contract's parties and admins; no ticket in the demo data: only refusals are checked" },
  "/contracts/[id]/plan": { ok: [], note: "a retainer contract's plan, for the parties and admins; the demo contract is no retainer: only refusals are checked" },
  "/contracts/[id]/tickets/months/[period]": { ok: [], note: "a retainer month's report, for the parties and admins; the demo contract is no retainer: only refusals are checked" },
  "/contracts/[id]/disputes/[disputeId]": { ok: [], note: "the contract's parties and admins; no dispute in the demo data: only refusals are checked" },
  "/invoices": { ok: [...clients, ...experts, "admin"] },
  "/expert/profile": { ok: experts },
  "/expert/offers": { ok: experts, note: "an expert not yet verified is told he must be before publishing" },
  "/expert/offers/new": { ok: experts, note: "the use case refuses an unverified expert's offer" },
  "/expert/offers/[id]/edit": { ok: [], note: "the expert's own offer only; no offer in the demo data: only refusals are checked" },
  "/expert/billing-mandate": { ok: experts },
  "/expert/payouts": { ok: experts },
  "/expert/earnings": { ok: experts },
  "/expert/tax-details": { ok: experts },
  "/expert/dac7/[year]": { ok: [], note: "an expert's own DAC7 copy of a year they were paid in; no payout in the demo data (and 2019 is before the platform): only refusals are checked" },
  "/admin": { ok: ["admin"] },
  "/admin/vetting": { ok: ["admin"] },
  "/admin/vetting/[id]": { ok: ["admin"] },
  "/admin/users/[id]": { ok: ["admin"], note: "one account: role, organisations, contracts, history, suspension" },
  "/admin/disputes": { ok: ["admin"] },
  "/admin/disputes/[id]": { ok: [], note: "no dispute in the demo data: only refusals are checked" },
  "/admin/payments": { ok: ["admin"] },
  "/admin/dac7": { ok: ["admin"] },
  "/admin/contracts": { ok: ["admin"] },
  "/admin/support-tickets": { ok: ["admin"] },
  "/admin/security": { ok: ["admin"] },
  "/admin/support": { ok: ["admin"] },
  "/admin/legal": { ok: ["admin"] },
  "/admin/savings": { ok: ["admin"] },
  "/admin/support/[id]": { ok: [], note: "no support thread in the demo data: only refusals are checked" },
  "/contact": { ok: everyone },
  "/contact/sent": { ok: everyone },
  "/support": { ok: signedIn, note: "one's own messages to support (an admin who has not passed the second factor sees only their own, as anyone)" },
  "/support/[id]": { ok: [], note: "no support thread in the demo data; a wrong link is explained on the page (200), tested apart" },
  "/admin/background": { ok: ["admin"] },
  "/admin/einvoicing": { ok: ["admin"] },
  "/admin/reports": { ok: ["admin"], note: "the moderation queue: reports and complaints" },
  "/admin/transparency": { ok: ["admin"] },
  "/admin/insights": { ok: ["admin"] },
  "/report": { ok: [], note: "the notice form needs ?type=&id= (a bare URL is a 404); opened with them in tests/e2e/moderation" },
  "/report/sent": { ok: everyone },
  "/reports/[id]": { ok: [], note: "the reporter (signed in or with the key emailed with the decision) and admins; no report in the demo data: only refusals are checked" },
  "/decisions/[id]": { ok: [], note: "the person concerned (signed in or with the emailed key) and admins; no decision in the demo data: only refusals are checked" },
  "/second-factor": { ok: [], note: "an enrolled admin whose session has not passed the second factor yet (the pending admin here has no authenticator: sent to enrol)" },
  "/second-factor/enrol": { ok: ["pendingAdmin"], note: "an admin with no authenticator yet" },
  "/pay/test/checkout/[sessionId]": { ok: [], note: "no open test checkout in the demo data" },
  "/pay/test/onboarding/[accountId]": { ok: [], note: "no test account in the demo data" },
  "/pay/test/dashboard/[accountId]": { ok: [], note: "no test account in the demo data" },
  "/pay/test/setup/[sessionId]": { ok: [], note: "no open test payment-method setup in the demo data" },
};

/** Route handlers, tried with GET. */
export const ROUTES: Record<string, Access> = {
  "/api/health": { ok: everyone },
  "/api/ready": { ok: everyone, note: "readiness: database, migrations, worker heartbeat; nothing secret" },
  "/api/auth/[...nextauth]": { ok: everyone, note: "Auth.js's own endpoints (session, csrf)" },
  "/api/stripe/webhook": { ok: [], note: "POST only, signed by Stripe" },
  "/api/einvoicing/callback": { ok: [], note: "POST only, signed by the PA with PA_WEBHOOK_SECRET (tests/integration/einvoicing/callback.test.ts)" },
  "/api/evidence/[id]": { ok: [], note: "the owner and admins; no evidence file in the demo data: only refusals are checked" },
  "/api/experts/photo/[id]": { ok: [], note: "no photo in the demo data" },
  "/api/attachments/[id]": { ok: [], note: "the parties of the message, delivery or dispute and admins; no attachment in the demo data: only refusals are checked" },
  "/contracts/[id]/documents/[kind]/pdf": { ok: contractParties },
  "/contracts/[id]/handover/pdf": { ok: [], note: "the delivered handover pack, for the contract's parties and admins; the demo contract has no pack: only refusals are checked (tests/integration/handover)" },
  "/contracts/[id]/tickets/months/[period]/pdf": { ok: [], note: "a retainer month's report as a PDF; the demo contract is no retainer: only refusals are checked" },
  "/contracts/[id]/training/pdf": { ok: [], note: "a training contract's agreement, attendance sheets and certificates; the demo contract is no training: only refusals are checked" },
  "/expert/payouts/refresh": { ok: [], note: "redirects back to the payouts page" },
  "/invoices/[id]/pdf": { ok: [], note: "no invoice in the demo data at start: only refusals are checked" },
  "/notifications/[id]/open": { ok: [], note: "marks one's own notification read and redirects to its link; an unknown or someone else's is a 404" },
  "/account/export/[id]": { ok: [], note: "its owner only, once ready; no export in the demo data: only refusals are checked" },
  "/invoices/export": { ok: [...clients, ...experts, "admin"] },
  "/admin/payments/vat": { ok: ["admin"], note: "the month's VAT summary as CSV" },
  "/admin/transparency/csv": { ok: ["admin"], note: "the year's DSA transparency report as CSV" },
  "/admin/insights/csv": { ok: ["admin"], note: "one insights table as CSV (the money table by default)" },
  "/invoices/statement/[year]": { ok: [], note: "statements of a year with no activity" },
  "/admin/dac7/[year]/xml": { ok: [], note: "the DAC7 XML of a year with sellers, admins only; 2019 has none: only refusals are checked (admins are tested in tests/integration/dac7)" },
};
