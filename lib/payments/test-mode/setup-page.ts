import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { contracts, retainerPaymentSetups } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireOrgMember, requireRole } from "@/lib/auth/policy";
import { isPaymentTestMode } from "@/lib/env";
import { fail, type Result } from "@/lib/result";
import { findTestObject, unixNow } from "./objects";
import { simulateTestSetup, type TestSetupError } from "./setup";

/*
 * The local stand-in for Stripe's Checkout page in setup mode (test mode only), for the members
 * of the organisation whose retainer it is; anyone else gets a PolicyError (a 404 on the page).
 */

export interface TestSetupView {
  sessionId: string;
  /** "expired" also when the session ran out. */
  status: "open" | "complete" | "expired";
  kind: "sepa_debit" | "card";
  jobTitle: string;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
}

export async function loadTestSetup(actor: Actor | null, sessionId: string): Promise<TestSetupView> {
  const user = requireRole(actor, "client");
  const [setup] = await db
    .select({ organizationId: contracts.organizationId, facts: contracts.facts })
    .from(retainerPaymentSetups)
    .innerJoin(contracts, eq(contracts.id, retainerPaymentSetups.contractId))
    .where(eq(retainerPaymentSetups.checkoutSessionId, sessionId));
  if (!setup) throw new PolicyError("forbidden");
  await requireOrgMember(db, user, setup.organizationId);
  const session = await findTestObject(db, "setup_session", sessionId);
  if (!session) throw new PolicyError("forbidden");
  return {
    sessionId: session.id,
    status: session.status === "open" && session.expires_at <= unixNow() ? "expired" : session.status,
    kind: session.payment_method_types[0] ?? "card",
    jobTitle: setup.facts.job.title,
    successUrl: session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id),
    cancelUrl: session.cancel_url,
    expiresAt: new Date(session.expires_at * 1000),
  };
}

/** A member of the organisation presses "save" or "refuse" on the local setup page. */
export async function simulateTestSetupPage(actor: Actor | null, input: { sessionId: string; intent: string }): Promise<Result<{ next: string | null }, TestSetupError | "invalid">> {
  if (!isPaymentTestMode()) throw new PolicyError("forbidden");
  await loadTestSetup(actor, input.sessionId);
  if (input.intent !== "save" && input.intent !== "refuse") return fail("invalid");
  return simulateTestSetup(input.sessionId, input.intent);
}
