/**
 * The objects server actions act on, made fresh for each action through the real use cases, on
 * the world's organisation, expert and contract.
 */
import { asc, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { emailOutbox, evidenceFiles, payments, payoutAccounts } from "@/db/schema";
import { submitBid } from "@/lib/bids/expert-bids";
import { acceptBid } from "@/lib/contracts/accept-bid";
import { uploadPhoto } from "@/lib/experts/photo";
import { createJobDraft } from "@/lib/jobs/manage-jobs";
import { inviteMember } from "@/lib/organizations/invitations";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { openDispute } from "@/lib/payments/disputes";
import { startMilestoneFunding } from "@/lib/payments/funding";
import { startPayoutsOnboarding } from "@/lib/payments/payouts";
import { fixedBidInput } from "../../helpers/bids";
import { fundMilestone } from "../../helpers/contracts";
import { makeJob } from "../../helpers/jobs";
import type { World } from "./action-world";
import { endResponseWindow } from "../../helpers/disputes";

export function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }, what: string): T {
  if (!result.ok) throw new Error(`${what} refused: ${JSON.stringify(result)}`);
  return result.value;
}

/** A need published by the owner's organisation. */
export async function openJob(world: World): Promise<{ jobId: string }> {
  return { jobId: await makeJob(world.people.clientOwner) };
}

/** A need of the owner's organisation still in the wizard: step 1 only, or every step filled. */
export async function draftJob(world: World, complete = false): Promise<{ jobId: string }> {
  if (complete) return { jobId: await makeJob(world.people.clientOwner, {}, false) };
  return must(await createJobDraft(world.people.clientOwner), "draft");
}

/** The party expert's bid on a fresh need of the owner's organisation. */
export async function partyBid(world: World): Promise<{ jobId: string; bidId: string }> {
  const { jobId } = await openJob(world);
  const { bidId } = must(await submitBid(world.people.partyExpert, fixedBidInput(jobId)), "bid");
  return { jobId, bidId };
}

/** A second contract between the same two sides, its documents not yet accepted. */
export async function contractAwaitingDocuments(world: World): Promise<{ contractId: string }> {
  const { bidId } = await partyBid(world);
  return must(await acceptBid(world.people.clientOwner, { acceptNotReady: true, bidId }), "acceptance");
}

const firstMilestone = (world: World) => world.contract.milestoneIds[0]!;

/** The world contract's first milestone, funded by card. */
export async function fundedMilestone(world: World): Promise<{ milestoneId: string; contractId: string }> {
  await fundMilestone(world.people.clientOwner, firstMilestone(world));
  return { milestoneId: firstMilestone(world), contractId: world.contract.contractId };
}

/** The first milestone funded and delivered by the expert. */
export async function deliveredMilestone(world: World) {
  const funded = await fundedMilestone(world);
  must(await markDelivered(world.people.partyExpert, { milestoneId: funded.milestoneId, note: "Installation terminée et documentée." }), "delivery");
  return funded;
}

/** The first milestone approved: its payout (a transfer row) waits to be sent, so it may be withheld. */
export async function unsentPayout(world: World): Promise<{ transferId: string }> {
  const { milestoneId } = await deliveredMilestone(world);
  const { transferId } = must(await approveMilestone(world.people.clientOwner, { milestoneId }), "approval");
  return { transferId };
}

/** Every milestone funded, delivered and approved: the contract is completed. */
export async function completedContract(world: World): Promise<{ contractId: string }> {
  for (const milestoneId of world.contract.milestoneIds) {
    await fundMilestone(world.people.clientOwner, milestoneId);
    must(await markDelivered(world.people.partyExpert, { milestoneId, note: "Livré, recetté, documenté." }), "delivery");
    must(await approveMilestone(world.people.clientOwner, { milestoneId }), "approval");
  }
  return { contractId: world.contract.contractId };
}

/** A dispute opened by the client on the funded first milestone. */
export async function openedDispute(world: World): Promise<{ disputeId: string }> {
  const { milestoneId } = await fundedMilestone(world);
  return must(
    await openDispute(world.people.clientOwner, { milestoneId, reason: "quality", text: "Les sauvegardes ne se lancent pas toutes les nuits." }),
    "dispute",
  );
}

/** A dispute both sides were heard on: the expert's response window is over, an admin may settle. */
export async function settleableDispute(world: World): Promise<{ disputeId: string }> {
  const opened = await openedDispute(world);
  await endResponseWindow(opened.disputeId);
  return opened;
}

/** An open local checkout session for the first milestone. */
export async function openCheckout(world: World): Promise<{ sessionId: string }> {
  must(await startMilestoneFunding(world.people.clientOwner, { milestoneId: firstMilestone(world) }), "funding");
  const [payment] = await db.select().from(payments).where(eq(payments.milestoneId, firstMilestone(world))).orderBy(desc(payments.createdAt));
  if (!payment?.checkoutSessionId) throw new Error("no checkout session");
  return { sessionId: payment.checkoutSessionId };
}

/** The party expert's payout account, onboarding not finished. */
export async function startedOnboarding(world: World): Promise<{ accountId: string }> {
  must(await startPayoutsOnboarding(world.people.partyExpert), "onboarding");
  const [account] = await db.select().from(payoutAccounts).where(eq(payoutAccounts.userId, world.people.partyExpert.id));
  if (!account) throw new Error("no payout account");
  return { accountId: account.stripeAccountId };
}

/** An invitation from the owner to the newcomer's address; its token is read from the email. */
export async function invitationToNewcomer(world: World): Promise<{ token: string }> {
  const to = world.people.newcomer.email;
  must(await inviteMember(world.people.clientOwner, { organizationId: world.organizationId, email: to, role: "member" }), "invitation");
  const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(asc(emailOutbox.createdAt));
  const token = email?.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error("no invitation link in the email");
  return { token };
}

/** A 1×1 PNG. */
export const pngBytes = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** Every expert of the world with a profile photo. */
export async function expertsWithPhotos(world: World): Promise<void> {
  for (const who of ["partyExpert", "otherExpert", "draftExpert"] as const) {
    must(await uploadPhoto(world.people[who], { bytes: new Uint8Array(pngBytes) }), "photo");
  }
}

/** One of the draft expert's evidence files. */
export async function draftExpertEvidence(world: World): Promise<{ evidenceId: string }> {
  const [file] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.profileId, world.profiles.draftExpert));
  if (!file) throw new Error("no evidence");
  return { evidenceId: file.id };
}
