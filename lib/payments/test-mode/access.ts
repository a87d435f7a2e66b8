import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { contracts, payments, payoutAccounts, testModeObjects } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireOrgMember, requireRole } from "@/lib/auth/policy";
import { appUrl } from "@/lib/http/app-url";
import { findTestObject, unixNow, type TestTransfer } from "./objects";
import { successUrlOf } from "./simulate";

/*
 * Who may see the local stand-ins for Stripe's pages: the checkout to the members of the paying
 * organisation, the onboarding and dashboard to the expert whose connected account it is.
 * Anyone else gets a PolicyError, which the pages turn into a 404.
 */

export interface TestCheckoutView {
  sessionId: string;
  /** "expired" also when the session ran out and has not been expired yet. */
  status: "open" | "complete" | "expired";
  paymentStatus: "paid" | "unpaid";
  amountCents: number;
  description: string;
  customerEmail: string;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
  paymentMethod: "card" | "sepa_debit" | null;
  /** A SEPA debit waiting for the bank's answer (the settle buttons). */
  awaitingSettlement: boolean;
  /** A SEPA debit the bank refused. */
  sepaFailed: boolean;
  /** The last attempt was a declined card (the session is still open). */
  lastDeclined: boolean;
}

/** A test Checkout session for a member of the organisation paying it. */
export async function loadTestCheckout(actor: Actor | null, sessionId: string): Promise<TestCheckoutView> {
  const user = requireRole(actor, "client");
  const [payment] = await db
    .select({ organizationId: contracts.organizationId })
    .from(payments)
    .innerJoin(contracts, eq(contracts.id, payments.contractId))
    .where(eq(payments.checkoutSessionId, sessionId));
  if (!payment) throw new PolicyError("forbidden");
  await requireOrgMember(db, user, payment.organizationId);
  const session = await findTestObject(db, "checkout.session", sessionId);
  if (!session) throw new PolicyError("forbidden");
  const intent = session.payment_intent ? await findTestObject(db, "payment_intent", session.payment_intent) : null;
  const method = intent?.payment_method_types[0];
  const paymentMethod = method === "card" || method === "sepa_debit" ? method : null;
  const runOut = session.status === "open" && session.expires_at <= unixNow();
  return {
    sessionId: session.id,
    status: runOut ? "expired" : session.status,
    paymentStatus: session.payment_status,
    amountCents: session.amount_total,
    description: session.payment_intent_data.description,
    customerEmail: session.customer_email,
    successUrl: successUrlOf(session),
    cancelUrl: session.cancel_url,
    expiresAt: new Date(session.expires_at * 1000),
    paymentMethod,
    awaitingSettlement: session.status === "complete" && paymentMethod === "sepa_debit" && intent?.status === "processing",
    sepaFailed: session.status === "complete" && paymentMethod === "sepa_debit" && intent?.status === "requires_payment_method",
    lastDeclined: session.status === "open" && intent?.last_payment_error?.code === "card_declined",
  };
}

export interface TestAccountView {
  accountId: string;
  email: string;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  requirementsDue: string[];
}

/** A test connected account for the expert it belongs to. */
export async function loadTestAccount(actor: Actor | null, accountId: string): Promise<TestAccountView> {
  const user = requireRole(actor, "expert");
  const [own] = await db
    .select({ userId: payoutAccounts.userId })
    .from(payoutAccounts)
    .where(and(eq(payoutAccounts.userId, user.id), eq(payoutAccounts.stripeAccountId, accountId)));
  if (!own) throw new PolicyError("forbidden");
  const account = await findTestObject(db, "account", accountId);
  if (!account) throw new PolicyError("forbidden");
  return {
    accountId: account.id,
    email: account.email,
    payoutsEnabled: account.payouts_enabled,
    detailsSubmitted: account.details_submitted,
    requirementsDue: [...account.requirements.currently_due],
  };
}

export interface TestDashboardView {
  account: TestAccountView;
  /** Newest first. */
  transfers: { id: string; amountCents: number; description: string; createdAt: Date }[];
  /** What was sent and not reversed. */
  totalCents: number;
}

/** The stand-in for the Express dashboard: the transfers the account received. */
export async function loadTestDashboard(actor: Actor | null, accountId: string): Promise<TestDashboardView> {
  const account = await loadTestAccount(actor, accountId);
  const rows = await db
    .select({ data: testModeObjects.data, createdAt: testModeObjects.createdAt })
    .from(testModeObjects)
    .where(and(eq(testModeObjects.type, "transfer"), sql`${testModeObjects.data}->>'destination' = ${accountId}`))
    .orderBy(desc(testModeObjects.createdAt), desc(testModeObjects.id));
  const sent = rows.map(({ data, createdAt }) => ({ transfer: data as unknown as TestTransfer, createdAt }));
  return {
    account,
    transfers: sent.map(({ transfer, createdAt }) => ({ id: transfer.id, amountCents: transfer.amount, description: transfer.description, createdAt })),
    totalCents: sent.filter(({ transfer }) => !transfer.reversed).reduce((sum, { transfer }) => sum + transfer.amount, 0),
  };
}

/**
 * A return or refresh URL from a query string, kept only when it points at this application
 * (so the onboarding page cannot be used to send someone elsewhere); else the fallback path.
 */
export function safeReturnUrl(value: string | null | undefined, fallbackPath: string): string {
  const base = new URL(appUrl("/"));
  if (value) {
    try {
      const url = new URL(value, base);
      if (url.origin === base.origin) return url.href;
    } catch {
      // not a URL: fall back
    }
  }
  return new URL(fallbackPath, base).href;
}
