import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { contractMilestones, contracts, payments, payoutAccounts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { BidInput } from "@/lib/bids/schemas";
import { acceptBid } from "@/lib/contracts/accept-bid";
import { requiredDocuments } from "@/lib/contracts/access";
import { acceptContractDocument } from "@/lib/contracts/documents-acceptance";
import { acceptBillingMandate } from "@/lib/invoicing/mandate";
import { processProviderEvent } from "@/lib/payments/events/process";
import { startMilestoneFunding } from "@/lib/payments/funding";
import { startPayoutsOnboarding } from "@/lib/payments/payouts";
import { completeTestOnboarding, payTestCheckout, settleTestSepaDebit } from "@/lib/payments/test-mode/simulate";
import { makeBid } from "./bids";
import { makeOrganization, makeUser } from "./factories";
import { makeJob, type JobSpec } from "./jobs";

export interface ActiveContractOptions {
  /** The client owner (who must already have an organisation); a new one by default. */
  owner?: Actor;
  /** Also add a plain member to the new owner's organisation. */
  withMember?: boolean;
  /** Personal data reachable (then the art. 28 agreement is required too); default false. */
  personalData?: boolean;
  job?: JobSpec;
  /** Bid overrides (milestones, total…); the default bid is 2 400,50 € in two milestones. */
  bid?: Partial<BidInput>;
  /** Stop before the documents are accepted (the contract stays awaiting_documents). */
  activate?: boolean;
  /** The expert accepts the billing mandate (needed to deliver and to be paid); default true. */
  mandate?: boolean;
}

export interface ActiveContract {
  owner: Actor;
  member?: Actor;
  expert: Actor & { profileId: string };
  contractId: string;
  jobId: string;
  bidId: string;
  /** In milestone order. */
  milestoneIds: string[];
}

/**
 * A contract formed through the real use cases (job, verified expert's bid, acceptance) and,
 * unless `activate: false`, made active by both sides accepting every required document.
 */
export async function makeActiveContract(options: ActiveContractOptions = {}): Promise<ActiveContract> {
  let owner = options.owner;
  let member: Actor | undefined;
  if (!owner) {
    owner = await makeUser("client", { name: "Claire Martin" });
    if (options.withMember) member = await makeUser("client", { name: "Julien Petit" });
    await makeOrganization(owner, member ? [{ actor: member, role: "member" }] : []);
  }
  const jobId = await makeJob(owner, { personalData: options.personalData ?? false, ...options.job });
  const { expert, bidId } = await makeBid(jobId, options.bid);
  if (options.mandate !== false) await acceptTestMandate(expert);
  const accepted = await acceptBid(owner, { acceptNotReady: true, bidId });
  if (!accepted.ok) throw new Error(`bid not accepted: ${JSON.stringify(accepted)}`);
  const { contractId } = accepted.value;
  if (options.activate !== false) {
    const [contract] = await db.select().from(contracts).where(eq(contracts.id, contractId));
    if (!contract) throw new Error("contract missing");
    for (const kind of requiredDocuments(contract)) {
      for (const actor of [owner, expert]) {
        const done = await acceptContractDocument(actor, { contractId, kind });
        if (!done.ok) throw new Error(`${kind} not accepted: ${JSON.stringify(done)}`);
      }
    }
  }
  const milestones = await db
    .select({ id: contractMilestones.id })
    .from(contractMilestones)
    .where(eq(contractMilestones.contractId, contractId))
    .orderBy(asc(contractMilestones.position));
  return { owner, ...(member ? { member } : {}), expert, contractId, jobId, bidId, milestoneIds: milestones.map((m) => m.id) };
}

/**
 * Funds a milestone the way a client would in payment test mode: the funding use case opens a
 * Checkout session, the local checkout is paid, and the emitted event is processed. By SEPA
 * debit the payment stays processing unless `settle` is set. Returns the payment id.
 */
export async function fundMilestone(client: Actor, milestoneId: string, options: { method?: "card" | "sepa_debit"; settle?: boolean } = {}): Promise<string> {
  const started = await startMilestoneFunding(client, { milestoneId });
  if (!started.ok) throw new Error(`funding refused: ${JSON.stringify(started)}`);
  const [payment] = await db.select().from(payments).where(eq(payments.milestoneId, milestoneId)).orderBy(asc(payments.createdAt));
  if (!payment?.checkoutSessionId) throw new Error("no checkout session");
  const paid = await payTestCheckout(payment.checkoutSessionId, options.method ?? "card");
  if (!paid.ok || !paid.value.eventId) throw new Error(`checkout not paid: ${JSON.stringify(paid)}`);
  await processProviderEvent(paid.value.eventId);
  if (options.method === "sepa_debit" && options.settle) {
    const settled = await settleTestSepaDebit(payment.checkoutSessionId, "succeeded");
    if (!settled.ok || !settled.value.eventId) throw new Error(`SEPA not settled: ${JSON.stringify(settled)}`);
    await processProviderEvent(settled.value.eventId);
  }
  return payment.id;
}

/** The expert's payouts, connected and enabled in test mode (account.updated processed). */
export async function enablePayouts(expert: Actor): Promise<string> {
  const started = await startPayoutsOnboarding(expert);
  if (!started.ok) throw new Error(`onboarding refused: ${JSON.stringify(started)}`);
  const [account] = await db.select().from(payoutAccounts).where(eq(payoutAccounts.userId, expert.id));
  if (!account) throw new Error("no payout account");
  const completed = await completeTestOnboarding(account.stripeAccountId);
  if (!completed.ok) throw new Error(`onboarding not completed: ${JSON.stringify(completed)}`);
  if (completed.value.eventId) await processProviderEvent(completed.value.eventId);
  return account.stripeAccountId;
}

/** The expert accepts the billing mandate with a plausible business identity. */
export async function acceptTestMandate(expert: Actor): Promise<void> {
  const accepted = await acceptBillingMandate(expert, {
    legalName: `${expert.name ?? "Expert"} Conseil`,
    addressLine1: "8 quai Saint-Vincent",
    postalCode: "69001",
    city: "Lyon",
    confirm: "yes",
  });
  if (!accepted.ok) throw new Error(`mandate refused: ${JSON.stringify(accepted)}`);
}
