import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect } from "vitest";
import { db } from "@/db/client";
import { payments, payoutAccounts, refunds } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { resetEnvCache } from "@/lib/env";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { openDispute, settleDispute } from "@/lib/payments/disputes";
import { receiveWebhook } from "@/lib/payments/events/verify";
import { startMilestoneFunding } from "@/lib/payments/funding";
import { startPayoutsOnboarding } from "@/lib/payments/payouts";
import { makeActiveContract } from "./contracts";
import { makeUser } from "./factories";
import { makeStripeEvent, signedWebhook, startFakeStripe, type FakeStripe } from "./fake-stripe";
import { runQueuedJobs } from "./worker";
import { endResponseWindow } from "./disputes";

const KEYS = ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE"] as const;

/**
 * Payments on Stripe for this test file: a fake Stripe on loopback that the real SDK talks to
 * (STRIPE_API_BASE), with its keys set, and helpers that play what Stripe does for a flow:
 * signed webhook deliveries, a paid Checkout, payouts enabled.
 */
export function setUpFakeStripe(secret = "whsec_fake_stripe_env") {
  const saved = { ...process.env };
  let fake: FakeStripe | undefined;
  beforeAll(async () => {
    fake = await startFakeStripe();
    process.env.STRIPE_SECRET_KEY = "sk_test_fake_stripe_env";
    process.env.STRIPE_WEBHOOK_SECRET = secret;
    process.env.STRIPE_API_BASE = fake.url;
    resetEnvCache();
  });
  afterAll(async () => {
    for (const key of KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    resetEnvCache();
    await fake?.close();
  });
  const stripe = () => {
    if (!fake) throw new Error("the fake Stripe starts in beforeAll");
    return fake;
  };

  /** A signed delivery of each event to our webhook, then the worker's processing of it. */
  async function deliver(...events: object[]) {
    for (const event of events) {
      const { body, signature } = signedWebhook(event, secret);
      expect(await receiveWebhook(body, signature)).toMatchObject({ status: 200 });
    }
    await runQueuedJobs(["process_stripe_event"]);
  }

  /** The client funds the milestone and pays by card at "Stripe"; the event is processed. */
  async function fundByCard(client: Actor, milestoneId: string) {
    expect((await startMilestoneFunding(client, { milestoneId })).ok).toBe(true);
    const [payment] = await db.select().from(payments).where(and(eq(payments.milestoneId, milestoneId), eq(payments.status, "open")));
    if (!payment?.checkoutSessionId) throw new Error("no open checkout session");
    await deliver(stripe().payCheckoutSession(payment.checkoutSessionId, "card").event);
  }

  /** The expert's connected account, ready for transfers, as account.updated says. */
  async function enablePayoutsAtStripe(expert: Actor) {
    expect((await startPayoutsOnboarding(expert)).ok).toBe(true);
    const [account] = await db.select().from(payoutAccounts).where(eq(payoutAccounts.userId, expert.id));
    if (!account) throw new Error("no payout account");
    const ready = stripe().setAccount(account.stripeAccountId, { payouts_enabled: true, details_submitted: true, capabilities: { transfers: "active" }, requirements: { currently_due: [] } });
    await deliver(makeStripeEvent("account.updated", ready, { account: account.stripeAccountId }));
  }

  /** A released milestone: its transfer row waits to be sent (its job is not run). */
  async function transferToSend() {
    const flow = await makeActiveContract();
    const [milestoneId = ""] = flow.milestoneIds;
    await enablePayoutsAtStripe(flow.expert);
    await fundByCard(flow.owner, milestoneId);
    expect((await markDelivered(flow.expert, { milestoneId, note: "Installation livrée et documentée." })).ok).toBe(true);
    const approved = await approveMilestone(flow.owner, { milestoneId });
    if (!approved.ok) throw new Error(JSON.stringify(approved));
    return { ...flow, milestoneId, transferId: approved.value.transferId };
  }

  /** A funded milestone refunded in full by an admin: its refund row waits to be sent. */
  async function refundToSend() {
    const flow = await makeActiveContract();
    const [milestoneId = ""] = flow.milestoneIds;
    await fundByCard(flow.owner, milestoneId);
    const opened = await openDispute(flow.owner, { milestoneId, reason: "not_delivered", text: "Rien n’a été livré à la date prévue." });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    await endResponseWindow(opened.value.disputeId);
    const settled = await settleDispute(await makeUser("admin"), { disputeId: opened.value.disputeId, outcome: "refund", note: "Rien n’a été livré." });
    expect(settled.ok).toBe(true);
    const [refund] = await db.select().from(refunds).where(eq(refunds.milestoneId, milestoneId));
    if (!refund) throw new Error("no refund");
    return { ...flow, milestoneId, refundId: refund.id };
  }

  return { stripe, deliver, fundByCard, enablePayoutsAtStripe, transferToSend, refundToSend };
}
