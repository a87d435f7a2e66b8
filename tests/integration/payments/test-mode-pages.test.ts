/**
 * The buttons of the local stand-ins for Stripe's pages, as use cases: the paying organisation's
 * members on the checkout, the account's expert on the onboarding; everyone else refused with
 * nothing simulated, and nobody at all once Stripe is configured.
 */
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { payments, payoutAccounts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { resetEnvCache } from "@/lib/env";
import { startMilestoneFunding } from "@/lib/payments/funding";
import { startPayoutsOnboarding } from "@/lib/payments/payouts";
import { loadTestAccount, loadTestCheckout } from "@/lib/payments/test-mode/access";
import { simulateTestCheckout, simulateTestOnboarding } from "@/lib/payments/test-mode/page-actions";
import { makeVerifiedExpert } from "../../helpers/bids";
import { acceptTestMandate, makeActiveContract, type ActiveContract } from "../../helpers/contracts";
import { makeOrganization, makeUser } from "../../helpers/factories";

let contract: ActiveContract & { member: Actor };
let outsider: Actor;

/** A fresh checkout session for the contract's first milestone (the funding use case opens it). */
async function openSession(): Promise<string> {
  const milestoneId = contract.milestoneIds[0]!;
  const started = await startMilestoneFunding(contract.owner, { milestoneId });
  if (!started.ok) throw new Error(JSON.stringify(started));
  const rows = await db.select().from(payments).where(eq(payments.milestoneId, milestoneId)).orderBy(asc(payments.createdAt));
  return rows.at(-1)!.checkoutSessionId!;
}

async function withStripeConfigured(run: () => Promise<void>) {
  process.env.STRIPE_SECRET_KEY = "sk_test_123";
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_123";
  resetEnvCache();
  try {
    await run();
  } finally {
    delete process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_WEBHOOK_SECRET;
    resetEnvCache();
  }
}

beforeAll(async () => {
  const made = await makeActiveContract({ withMember: true });
  if (!made.member) throw new Error("no member");
  contract = { ...made, member: made.member };
  outsider = await makeUser("client");
  await makeOrganization(outsider);
}, 120_000);

describe("simulateTestCheckout", () => {
  it("refuses anyone but the paying organisation's members, and simulates nothing for them", async () => {
    const sessionId = await openSession();
    await expect(simulateTestCheckout(null, { sessionId, intent: "card" })).rejects.toThrow(new PolicyError("unauthenticated"));
    for (const stranger of [outsider, contract.expert]) {
      await expect(simulateTestCheckout(stranger, { sessionId, intent: "card" })).rejects.toThrow(new PolicyError("forbidden"));
      // The policy comes first: a stranger learns nothing from a wrong button either.
      await expect(simulateTestCheckout(stranger, { sessionId, intent: "nope" })).rejects.toThrow(new PolicyError("forbidden"));
    }
    expect(await loadTestCheckout(contract.owner, sessionId)).toMatchObject({ status: "open", paymentStatus: "unpaid" });
  });

  it("refuses everyone once Stripe is configured", async () => {
    const sessionId = await openSession();
    await withStripeConfigured(async () => {
      await expect(simulateTestCheckout(contract.owner, { sessionId, intent: "card" })).rejects.toThrow(new PolicyError("forbidden"));
    });
  });
  it("lets a member decline a card (the session stays open), then pay, and go to the success URL", async () => {
    const sessionId = await openSession();
    expect(await simulateTestCheckout(contract.member, { sessionId, intent: "nope" })).toEqual({ ok: false, error: "invalid" });
    expect(await simulateTestCheckout(contract.member, { sessionId, intent: "decline" })).toEqual({ ok: true, value: { next: null, declined: true } });
    expect(await loadTestCheckout(contract.member, sessionId)).toMatchObject({ status: "open", lastDeclined: true });
    const paid = await simulateTestCheckout(contract.owner, { sessionId, intent: "card" });
    expect(paid.ok && paid.value.next).toContain(`/contracts/${contract.contractId}`);
    expect(await simulateTestCheckout(contract.owner, { sessionId, intent: "card" })).toEqual({ ok: false, error: "session_complete" });
  });

});

describe("simulateTestOnboarding", () => {
  it("lets the account's expert finish the onboarding, and refuses everyone else", async () => {
    const expert = await makeVerifiedExpert();
    await acceptTestMandate(expert);
    const started = await startPayoutsOnboarding(expert);
    if (!started.ok) throw new Error(JSON.stringify(started));
    const [account] = await db.select().from(payoutAccounts).where(eq(payoutAccounts.userId, expert.id));
    const accountId = account!.stripeAccountId;
    await expect(simulateTestOnboarding(null, { accountId })).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(simulateTestOnboarding(contract.expert, { accountId })).rejects.toThrow(new PolicyError("forbidden"));
    await expect(simulateTestOnboarding(contract.owner, { accountId })).rejects.toThrow(new PolicyError("forbidden"));
    expect(await loadTestAccount(expert, accountId)).toMatchObject({ detailsSubmitted: false });
    await withStripeConfigured(async () => {
      await expect(simulateTestOnboarding(expert, { accountId })).rejects.toThrow(new PolicyError("forbidden"));
    });
    expect(await simulateTestOnboarding(expert, { accountId })).toEqual({ ok: true, value: { changed: true } });
    expect(await loadTestAccount(expert, accountId)).toMatchObject({ detailsSubmitted: true, payoutsEnabled: true });
  });
});
