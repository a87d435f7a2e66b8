import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contractMilestones, disputes, emailOutbox, ledgerEntries, payments, payoutAccounts, stripeEvents, transfers } from "@/db/schema";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { receiveWebhook } from "@/lib/payments/events/verify";
import { startMilestoneFunding } from "@/lib/payments/funding";
import { ledgerBalances } from "@/lib/payments/ledger";
import { startPayoutsOnboarding } from "@/lib/payments/payouts";
import { makeActiveContract } from "../../helpers/contracts";
import { makeStripeEvent, signedWebhook } from "../../helpers/fake-stripe";
import { setUpFakeStripe } from "../../helpers/fake-stripe-env";
import { runQueuedJobs } from "../../helpers/worker";

const SECRET = "whsec_replay_test";
const { stripe: fake } = setUpFakeStripe(SECRET);

/** Fisher–Yates with a seeded generator, so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  const next = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Delivers every event five times, in a shuffled order, through the signed webhook path. */
async function deliverFiveTimesShuffled(events: object[], seed: number) {
  const deliveries = shuffled(events.flatMap((event) => Array.from({ length: 5 }, () => event)), seed);
  for (const event of deliveries) {
    const { body, signature } = signedWebhook(event, SECRET);
    expect(await receiveWebhook(body, signature)).toMatchObject({ status: 200 });
  }
}

describe("Stripe events delivered five times, in shuffled order", () => {
  it.each([1, 7, 42])("have exactly one effect each and the ledger balances (seed %i)", async (seed) => {
    const { owner, expert, contractId, milestoneIds } = await makeActiveContract();
    const [first, second] = milestoneIds as [string, string];
    const requestsBefore = fake().requests.length;

    // Payouts: the account exists at Stripe; Stripe says it is ready.
    const onboarding = await startPayoutsOnboarding(expert);
    expect(onboarding.ok).toBe(true);
    const [account] = await db.select().from(payoutAccounts).where(eq(payoutAccounts.userId, expert.id));
    const ready = fake().setAccount(account!.stripeAccountId, { payouts_enabled: true, details_submitted: true, capabilities: { transfers: "active" }, requirements: { currently_due: [] } });
    const accountUpdated = makeStripeEvent("account.updated", ready, { account: account!.stripeAccountId });

    // Funding by SEPA debit: completed (processing), then the debit succeeds.
    const funding = await startMilestoneFunding(owner, { milestoneId: first });
    expect(funding.ok).toBe(true);
    const [payment] = await db.select().from(payments).where(eq(payments.milestoneId, first));
    const paid = fake().payCheckoutSession(payment!.checkoutSessionId!, "sepa_debit");
    fake().setPaymentIntent(paid.paymentIntent.id, { status: "succeeded", amount_received: paid.paymentIntent.amount });
    const session = fake().setCheckoutSession(paid.session.id, { payment_status: "paid" });
    const asyncSucceeded = makeStripeEvent("checkout.session.async_payment_succeeded", session);

    const events = [accountUpdated, paid.event, asyncSucceeded];
    const eventsBefore = (await db.select().from(stripeEvents)).length;
    await deliverFiveTimesShuffled(events, seed);
    await runQueuedJobs(["process_stripe_event", "send_transfer", "send_refund"]);

    expect(await db.select().from(stripeEvents)).toHaveLength(eventsBefore + events.length);
    expect((await db.select().from(contractMilestones).where(eq(contractMilestones.id, first)))[0]?.status).toBe("funded");
    expect(await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.milestoneId, first), eq(ledgerEntries.kind, "funding")))).toHaveLength(2);
    const fundedMails = await db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, expert.email), eq(emailOutbox.template, "payment-event")));
    expect(fundedMails).toHaveLength(1);
    expect((await db.select().from(payoutAccounts).where(eq(payoutAccounts.userId, expert.id)))[0]?.payoutsEnabled).toBe(true);

    await markDelivered(expert, { milestoneId: first, note: "Installation livrée et documentée." });
    expect((await approveMilestone(owner, { milestoneId: first })).ok).toBe(true);
    await runQueuedJobs(["send_transfer"]);
    const [transfer] = await db.select().from(transfers).where(eq(transfers.milestoneId, first));
    expect(transfer?.status).toBe("sent");
    const transferCalls = fake().requests.slice(requestsBefore).filter((r) => r.method === "POST" && r.path === "/v1/transfers");
    expect(new Set(transferCalls.map((r) => r.idempotencyKey))).toEqual(new Set([`transfer:${transfer!.id}`]));

    // A card payment on the second milestone, charged back: frozen once, however often Stripe says so.
    const secondFunding = await startMilestoneFunding(owner, { milestoneId: second });
    expect(secondFunding.ok).toBe(true);
    const [secondPayment] = await db.select().from(payments).where(eq(payments.milestoneId, second));
    const card = fake().payCheckoutSession(secondPayment!.checkoutSessionId!, "card");
    const chargeback = makeStripeEvent("charge.dispute.created", { id: `dp_${seed}_${first.slice(0, 8)}`, object: "dispute", charge: card.charge.id, payment_intent: card.paymentIntent.id, amount: card.charge.amount, reason: "fraudulent" });
    await deliverFiveTimesShuffled([card.event, chargeback, ...events], seed + 1);
    await runQueuedJobs(["process_stripe_event"]);
    expect((await db.select().from(contractMilestones).where(eq(contractMilestones.id, second)))[0]?.status).toBe("disputed");
    expect(await db.select().from(disputes).where(eq(disputes.milestoneId, second))).toHaveLength(1);

    const balances = await ledgerBalances(db, contractId);
    expect(Object.values(balances).reduce((a, b) => a + b, 0)).toBe(0);
    // Held: the second milestone (1 440,60 € incl. VAT); kept: the commission of the first (120,00 €).
    expect(balances).toEqual({ platform_cash: 144_060 + 12_000, client_funds_held: -144_060, expert_payable: 0, expert_vat_collected: 0, commission_revenue: -10_000, commission_vat_collected: -2_000 });
  });
});
