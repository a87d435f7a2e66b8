import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contractMilestones, payments, payoutAccounts, stripeEvents, testModeObjects } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { acceptBid } from "@/lib/contracts/accept-bid";
import { resetEnvCache } from "@/lib/env";
import { testModeProvider } from "@/lib/payments/provider/test-mode";
import { loadTestAccount, loadTestCheckout, loadTestDashboard, safeReturnUrl } from "@/lib/payments/test-mode/access";
import {
  completeTestOnboarding,
  expireTestCheckout,
  failTestCheckout,
  openTestChargeback,
  payTestCheckout,
  settleTestSepaDebit,
} from "@/lib/payments/test-mode/simulate";
import { makeBid, makeVerifiedExpert } from "../../helpers/bids";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";

const provider = testModeProvider();
let owner: Actor;
let member: Actor;
let outsider: Actor;
let expert: Actor;
let contractId: string;
let milestoneId: string;

beforeAll(async () => {
  owner = await makeUser("client");
  member = await makeUser("client");
  outsider = await makeUser("client");
  await makeOrganization(owner, [{ actor: member, role: "member" }]);
  await makeOrganization(outsider);
  const jobId = await makeJob(owner);
  const bid = await makeBid(jobId);
  expert = bid.expert;
  const accepted = await acceptBid(owner, { acceptNotReady: true, bidId: bid.bidId });
  if (!accepted.ok) throw new Error("no contract");
  contractId = accepted.value.contractId;
  const [milestone] = await db.select().from(contractMilestones).where(eq(contractMilestones.contractId, contractId));
  milestoneId = milestone!.id;
});

/** A test Checkout session for 1 200 € and our payments row pointing at it. */
async function newSession(amountCents = 120_000) {
  const paymentId = randomUUID();
  const session = await provider.createCheckoutSession({
    paymentId,
    milestoneId,
    contractId,
    amountCents,
    description: "Jalon 1 — Installation",
    customerEmail: member.email,
    locale: "fr",
    successUrl: "http://localhost:3000/contracts/c1?paid={CHECKOUT_SESSION_ID}",
    cancelUrl: "http://localhost:3000/contracts/c1",
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
    idempotencyKey: `checkout:${paymentId}`,
  });
  // "failed" only so that several rows may exist for one milestone; the simulations never read it.
  await db.insert(payments).values({ id: paymentId, milestoneId, contractId, amountCents, status: "failed", checkoutSessionId: session.id });
  return { paymentId, session };
}

async function eventRow(id: string | null) {
  const [row] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, id ?? ""));
  if (!row) throw new Error(`event ${id} not recorded`);
  return { ...row, object: (row.payload as { data: { object: Record<string, unknown> } }).data.object };
}

async function queuedJobs(eventId: string | null): Promise<number> {
  const rows = await db.execute(
    sql`select 1 from graphile_worker.jobs where task_identifier = 'process_stripe_event' and key = ${`event:${eventId}`}`,
  );
  return rows.length;
}

const eventCount = async () => (await db.select({ id: stripeEvents.id }).from(stripeEvents)).length;

async function onboardedAccount(userId = expert.id) {
  const { id } = await provider.createExpressAccount({ userId, email: "x@example.test", idempotencyKey: `account:${randomUUID()}` });
  expect((await completeTestOnboarding(id)).ok).toBe(true);
  return id;
}

describe("test-mode provider", () => {
  it("creates Express accounts once per idempotency key, with payouts off and links to the local pages", async () => {
    const key = `account:${randomUUID()}`;
    const first = await provider.createExpressAccount({ userId: expert.id, email: expert.email, idempotencyKey: key });
    expect(first.id).toMatch(/^acct_test_[0-9a-f]{24}$/);
    expect(await provider.createExpressAccount({ userId: expert.id, email: expert.email, idempotencyKey: key })).toEqual(first);
    expect((await provider.createExpressAccount({ userId: expert.id, email: expert.email, idempotencyKey: `${key}b` })).id).not.toBe(first.id);
    expect(await provider.retrieveAccount(first.id)).toEqual({
      id: first.id,
      payoutsEnabled: false,
      detailsSubmitted: false,
      requirementsDue: ["external_account", "tos_acceptance.date"],
    });
    const link = await provider.createAccountLink(first.id, { returnUrl: "http://localhost:3000/expert/payouts?done=1", refreshUrl: "http://localhost:3000/expert/payouts/refresh" });
    const url = new URL(link.url);
    expect(url.origin + url.pathname).toBe(`http://localhost:3000/pay/test/onboarding/${first.id}`);
    expect(url.searchParams.get("return")).toBe("http://localhost:3000/expert/payouts?done=1");
    expect(url.searchParams.get("refresh")).toBe("http://localhost:3000/expert/payouts/refresh");
    expect(await provider.createLoginLink(first.id)).toEqual({ url: `http://localhost:3000/pay/test/dashboard/${first.id}` });
    await expect(provider.retrieveAccount("acct_test_unknown")).rejects.toThrow(/No such account/);
    await expect(provider.createLoginLink("acct_test_unknown")).rejects.toThrow(/No such account/);
  });

  it("creates an open, unpaid Checkout session for an hour, once per key, keeping what the page shows", async () => {
    const { paymentId, session } = await newSession();
    expect(session).toMatchObject({ status: "open", paymentStatus: "unpaid", paymentIntentId: null, amountTotal: 120_000, paymentId });
    expect(session.id).toMatch(/^cs_test_local_/);
    expect(session.url).toBe(`http://localhost:3000/pay/test/checkout/${session.id}`);
    expect(Math.abs(session.expiresAt.getTime() - Date.now() - 3_600_000)).toBeLessThan(10_000);
    const again = await provider.createCheckoutSession({
      paymentId, milestoneId, contractId, amountCents: 120_000, description: "x", customerEmail: member.email, locale: "fr",
      successUrl: "http://localhost:3000/a", cancelUrl: "http://localhost:3000/b", expiresAt: 0, idempotencyKey: `checkout:${paymentId}`,
    });
    expect(again.id).toBe(session.id);
    expect(await provider.retrieveCheckoutSession(session.id)).toEqual(session);
    const [stored] = await db.select().from(testModeObjects).where(eq(testModeObjects.id, session.id));
    expect(stored?.data).toMatchObject({
      object: "checkout.session",
      metadata: { paymentId, milestoneId, contractId },
      client_reference_id: paymentId,
      customer_email: member.email,
      cancel_url: "http://localhost:3000/contracts/c1",
      payment_intent_data: { description: "Jalon 1 — Installation", transfer_group: contractId },
    });
    await expect(newSession(49)).rejects.toThrow(/at least €0.50/);
    await expect(provider.retrieveCheckoutSession("cs_test_local_nope")).rejects.toThrow(/No such checkout.session/);
    await expect(provider.retrievePaymentIntent("pi_test_local_nope")).rejects.toThrow(/No such payment_intent/);
    await expect(provider.retrieveTransfer("tr_test_local_nope")).rejects.toThrow(/No such transfer/);
    await expect(provider.retrieveRefund("re_test_local_nope")).rejects.toThrow(/No such refund/);
  });

  it("sends transfers only to onboarded accounts, once per key", async () => {
    const pending = await provider.createExpressAccount({ userId: expert.id, email: expert.email, idempotencyKey: `account:${randomUUID()}` });
    const input = { amountCents: 108_000, transferGroup: contractId, sourceChargeId: null, description: "Jalon 1", metadata: { milestoneId }, idempotencyKey: `transfer:${randomUUID()}` };
    await expect(provider.createTransfer({ ...input, destinationAccountId: pending.id })).rejects.toThrow(/cannot receive transfers/);
    const ready = await onboardedAccount();
    const transfer = await provider.createTransfer({ ...input, destinationAccountId: ready });
    expect(transfer).toEqual({ id: expect.stringMatching(/^tr_test_local_/), amount: 108_000, destination: ready, reversed: false });
    expect(await provider.createTransfer({ ...input, destinationAccountId: ready })).toEqual(transfer);
    expect(await provider.retrieveTransfer(transfer.id)).toEqual(transfer);
    await expect(provider.createTransfer({ ...input, destinationAccountId: ready, sourceChargeId: "ch_test_local_nope", idempotencyKey: "t2" })).rejects.toThrow(/No such charge/);
  });

  it("refunds up to what was paid, once per key", async () => {
    const { session } = await newSession();
    const paid = await payTestCheckout(session.id, "card");
    if (!paid.ok) throw new Error(paid.error);
    const pi = paid.value.paymentIntentId;
    const first = await provider.createRefund({ paymentIntentId: pi, amountCents: 50_000, metadata: {}, idempotencyKey: "refund-a" });
    expect(first).toEqual({ id: expect.stringMatching(/^re_test_local_/), amount: 50_000, status: "succeeded" });
    expect(await provider.createRefund({ paymentIntentId: pi, amountCents: 50_000, metadata: {}, idempotencyKey: "refund-a" })).toEqual(first);
    await expect(provider.createRefund({ paymentIntentId: pi, amountCents: 70_001, metadata: {}, idempotencyKey: "refund-b" })).rejects.toThrow(/greater than the unrefunded amount/);
    expect((await provider.createRefund({ paymentIntentId: pi, amountCents: 70_000, metadata: {}, idempotencyKey: "refund-c" })).amount).toBe(70_000);
    await expect(provider.createRefund({ paymentIntentId: pi, amountCents: 1, metadata: {}, idempotencyKey: "refund-d" })).rejects.toThrow(/greater than/);
    expect(await provider.retrieveRefund(first.id)).toEqual(first);
    const sepa = await newSession();
    const processing = await payTestCheckout(sepa.session.id, "sepa_debit");
    if (!processing.ok) throw new Error(processing.error);
    await expect(provider.createRefund({ paymentIntentId: processing.value.paymentIntentId, amountCents: 1, metadata: {}, idempotencyKey: "refund-e" })).rejects.toThrow(/no successful charge/);
    await expect(provider.createRefund({ paymentIntentId: "pi_test_local_nope", amountCents: 1, metadata: {}, idempotencyKey: "refund-f" })).rejects.toThrow(/No such payment_intent/);
  });
});

describe("test-mode simulations", () => {
  it("card: completes the session paid, emits checkout.session.completed and queues it; a replay is refused", async () => {
    const { paymentId, session } = await newSession();
    const paid = await payTestCheckout(session.id, "card");
    if (!paid.ok) throw new Error(paid.error);
    expect(paid.value.successUrl).toBe(`http://localhost:3000/contracts/c1?paid=${session.id}`);
    const event = await eventRow(paid.value.eventId);
    expect(event).toMatchObject({ type: "checkout.session.completed", livemode: false, processedAt: null });
    expect(event.id).toMatch(/^evt_test_local_/);
    expect(event.payload).toMatchObject({ created: expect.any(Number) });
    expect(event.object).toMatchObject({
      id: session.id, object: "checkout.session", status: "complete", payment_status: "paid", payment_intent: paid.value.paymentIntentId,
      amount_total: 120_000, metadata: { paymentId, milestoneId, contractId }, client_reference_id: paymentId,
    });
    expect(await queuedJobs(paid.value.eventId)).toBe(1);
    const intent = await provider.retrievePaymentIntent(paid.value.paymentIntentId);
    expect(intent).toMatchObject({ amount: 120_000, amountReceived: 120_000, status: "succeeded", paymentMethodType: "card" });
    expect(intent.latestChargeId).toMatch(/^ch_test_local_/);
    expect(await provider.retrieveCheckoutSession(session.id)).toMatchObject({ status: "complete", paymentStatus: "paid", url: null });

    const before = await eventCount();
    expect(await payTestCheckout(session.id, "card")).toEqual({ ok: false, error: "session_complete" });
    expect(await expireTestCheckout(session.id)).toEqual({ ok: false, error: "session_complete" });
    expect(await settleTestSepaDebit(session.id, "succeeded")).toEqual({ ok: false, error: "not_sepa" });
    expect(await payTestCheckout("cs_test_local_nope", "card")).toEqual({ ok: false, error: "not_found" });
    expect(await eventCount()).toBe(before);
  });

  it("SEPA: completes unpaid, then the bank's answer emits async_payment_succeeded or _failed, once", async () => {
    const { session } = await newSession();
    const pending = await payTestCheckout(session.id, "sepa_debit");
    if (!pending.ok) throw new Error(pending.error);
    expect((await eventRow(pending.value.eventId)).object).toMatchObject({ status: "complete", payment_status: "unpaid" });
    expect(await provider.retrievePaymentIntent(pending.value.paymentIntentId)).toMatchObject({ status: "processing", latestChargeId: null, paymentMethodType: "sepa_debit" });
    const settled = await settleTestSepaDebit(session.id, "succeeded");
    if (!settled.ok) throw new Error(settled.error);
    const event = await eventRow(settled.value.eventId);
    expect(event.type).toBe("checkout.session.async_payment_succeeded");
    expect(event.object).toMatchObject({ id: session.id, status: "complete", payment_status: "paid", payment_intent: pending.value.paymentIntentId });
    expect(await queuedJobs(settled.value.eventId)).toBe(1);
    expect(await provider.retrievePaymentIntent(pending.value.paymentIntentId)).toMatchObject({ status: "succeeded", latestChargeId: expect.stringMatching(/^ch_test_local_/) });
    expect(await settleTestSepaDebit(session.id, "failed")).toEqual({ ok: false, error: "already_settled" });

    const other = await newSession();
    const debit = await payTestCheckout(other.session.id, "sepa_debit");
    if (!debit.ok) throw new Error(debit.error);
    const failed = await settleTestSepaDebit(other.session.id, "failed");
    if (!failed.ok) throw new Error(failed.error);
    const failure = await eventRow(failed.value.eventId);
    expect(failure.type).toBe("checkout.session.async_payment_failed");
    expect(failure.object).toMatchObject({ id: other.session.id, payment_status: "unpaid" });
    expect(await provider.retrievePaymentIntent(debit.value.paymentIntentId)).toMatchObject({ status: "requires_payment_method", latestChargeId: null });
    expect(await settleTestSepaDebit(other.session.id, "succeeded")).toEqual({ ok: false, error: "already_settled" });
    expect(await settleTestSepaDebit((await newSession()).session.id, "succeeded")).toEqual({ ok: false, error: "not_sepa" });
  });

  it("a declined card leaves the session open with no event; the retry pays with the same intent", async () => {
    const { session } = await newSession();
    const before = await eventCount();
    const declined = await failTestCheckout(session.id);
    if (!declined.ok) throw new Error(declined.error);
    expect(declined.value.eventId).toBeNull();
    expect(await eventCount()).toBe(before);
    expect(await provider.retrieveCheckoutSession(session.id)).toMatchObject({ status: "open", paymentStatus: "unpaid" });
    expect(await provider.retrievePaymentIntent(declined.value.paymentIntentId)).toMatchObject({ status: "requires_payment_method" });
    expect((await loadTestCheckout(member, session.id)).lastDeclined).toBe(true);
    const paid = await payTestCheckout(session.id, "card");
    expect(paid.ok && paid.value.paymentIntentId).toBe(declined.value.paymentIntentId);
  });

  it("expires a session (emitting checkout.session.expired), also on its own once its hour is over", async () => {
    const { session } = await newSession();
    const expired = await expireTestCheckout(session.id);
    if (!expired.ok) throw new Error(expired.error);
    const event = await eventRow(expired.value.eventId);
    expect(event.type).toBe("checkout.session.expired");
    expect(event.object).toMatchObject({ id: session.id, status: "expired", payment_status: "unpaid" });
    expect(await queuedJobs(expired.value.eventId)).toBe(1);
    expect(await payTestCheckout(session.id, "card")).toEqual({ ok: false, error: "session_expired" });
    expect(await expireTestCheckout(session.id)).toEqual({ ok: false, error: "session_expired" });

    const late = await newSession();
    await db.execute(sql`update test_mode_objects set data = jsonb_set(data, '{expires_at}', to_jsonb(extract(epoch from now())::int - 1)) where id = ${late.session.id}`);
    expect((await loadTestCheckout(member, late.session.id)).status).toBe("expired");
    const before = await eventCount();
    expect(await payTestCheckout(late.session.id, "card")).toEqual({ ok: false, error: "session_expired" });
    expect(await eventCount()).toBe(before + 1);
    expect(await provider.retrieveCheckoutSession(late.session.id)).toMatchObject({ status: "expired" });
  });

  it("completes onboarding once, emitting account.updated for the connected account", async () => {
    const { id } = await provider.createExpressAccount({ userId: expert.id, email: expert.email, idempotencyKey: `account:${randomUUID()}` });
    const done = await completeTestOnboarding(id);
    if (!done.ok) throw new Error(done.error);
    const event = await eventRow(done.value.eventId);
    expect(event.type).toBe("account.updated");
    expect(event.payload).toMatchObject({ account: id });
    expect(event.object).toMatchObject({ id, object: "account", payouts_enabled: true, details_submitted: true, requirements: { currently_due: [] } });
    expect(await queuedJobs(done.value.eventId)).toBe(1);
    expect(await provider.retrieveAccount(id)).toEqual({ id, payoutsEnabled: true, detailsSubmitted: true, requirementsDue: [] });
    expect(await completeTestOnboarding(id)).toEqual({ ok: true, value: { eventId: null, changed: false } });
    expect(await completeTestOnboarding("acct_test_nope")).toEqual({ ok: false, error: "not_found" });
  });

  it("opens a chargeback on a paid charge, once", async () => {
    const { session } = await newSession();
    const paid = await payTestCheckout(session.id, "card");
    if (!paid.ok) throw new Error(paid.error);
    const intent = await provider.retrievePaymentIntent(paid.value.paymentIntentId);
    const dispute = await openTestChargeback(intent.id);
    if (!dispute.ok) throw new Error(dispute.error);
    const event = await eventRow(dispute.value.eventId);
    expect(event.type).toBe("charge.dispute.created");
    expect(event.object).toMatchObject({ id: dispute.value.disputeId, object: "dispute", charge: intent.latestChargeId, payment_intent: intent.id, amount: 120_000, reason: "fraudulent" });
    expect(await queuedJobs(dispute.value.eventId)).toBe(1);
    expect(await openTestChargeback(intent.id)).toEqual({ ok: false, error: "already_disputed" });
    const sepa = await newSession();
    const processing = await payTestCheckout(sepa.session.id, "sepa_debit");
    expect(await openTestChargeback(processing.ok ? processing.value.paymentIntentId : "")).toEqual({ ok: false, error: "not_paid" });
    expect(await openTestChargeback("pi_test_local_nope")).toEqual({ ok: false, error: "not_found" });
  });

  it("refuses every simulation when Stripe is configured", async () => {
    const { session } = await newSession();
    process.env.STRIPE_SECRET_KEY = "sk_test_123";
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_123";
    resetEnvCache();
    try {
      await expect(payTestCheckout(session.id, "card")).rejects.toThrow(/test mode is off/);
      await expect(completeTestOnboarding("acct_test_x")).rejects.toThrow(/test mode is off/);
      await expect(openTestChargeback("pi_test_local_x")).rejects.toThrow(/test mode is off/);
    } finally {
      delete process.env.STRIPE_SECRET_KEY;
      delete process.env.STRIPE_WEBHOOK_SECRET;
      resetEnvCache();
    }
  });
});

describe("who sees the test pages", () => {
  it("shows the checkout to the paying organisation's members only", async () => {
    const { session } = await newSession();
    for (const actor of [owner, member]) {
      expect(await loadTestCheckout(actor, session.id)).toMatchObject({
        sessionId: session.id, status: "open", amountCents: 120_000, description: "Jalon 1 — Installation", customerEmail: member.email, cancelUrl: "http://localhost:3000/contracts/c1",
      });
    }
    await expect(loadTestCheckout(null, session.id)).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(loadTestCheckout(outsider, session.id)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(loadTestCheckout(expert, session.id)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(loadTestCheckout(owner, "cs_test_local_nope")).rejects.toThrow(new PolicyError("forbidden"));
    await payTestCheckout(session.id, "sepa_debit");
    expect(await loadTestCheckout(member, session.id)).toMatchObject({ status: "complete", paymentMethod: "sepa_debit", awaitingSettlement: true, sepaFailed: false });
  });

  it("shows the onboarding and dashboard to the account's expert only, transfers newest first", async () => {
    const accountId = await onboardedAccount();
    await db.insert(payoutAccounts).values({ userId: expert.id, stripeAccountId: accountId });
    for (const [amountCents, description] of [[10_000, "Jalon 1"], [25_050, "Jalon 2"]] as const) {
      await provider.createTransfer({ amountCents, description, destinationAccountId: accountId, transferGroup: contractId, sourceChargeId: null, metadata: {}, idempotencyKey: `tr:${description}` });
    }
    expect(await loadTestAccount(expert, accountId)).toMatchObject({ accountId, payoutsEnabled: true, requirementsDue: [] });
    const dashboard = await loadTestDashboard(expert, accountId);
    expect(dashboard.transfers.map((t) => [t.description, t.amountCents])).toEqual([["Jalon 2", 25_050], ["Jalon 1", 10_000]]);
    expect(dashboard.totalCents).toBe(35_050);
    const otherExpert = await makeVerifiedExpert();
    await expect(loadTestDashboard(null, accountId)).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(loadTestAccount(otherExpert, accountId)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(loadTestDashboard(otherExpert, accountId)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(loadTestAccount(owner, accountId)).rejects.toThrow(new PolicyError("forbidden"));
  });

  it("keeps return URLs on this site", () => {
    expect(safeReturnUrl("http://localhost:3000/expert/payouts?done=1", "/dashboard")).toBe("http://localhost:3000/expert/payouts?done=1");
    expect(safeReturnUrl("/expert/payouts", "/dashboard")).toBe("http://localhost:3000/expert/payouts");
    expect(safeReturnUrl("https://evil.example/phish", "/dashboard")).toBe("http://localhost:3000/dashboard");
    expect(safeReturnUrl("//evil.example/x", "/dashboard")).toBe("http://localhost:3000/dashboard");
    expect(safeReturnUrl(undefined, "/dashboard")).toBe("http://localhost:3000/dashboard");
  });
});
