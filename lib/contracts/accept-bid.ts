import "server-only";
import { asc, eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import {
  bidMilestones,
  bids,
  catalogSoftware,
  contractMilestones,
  contracts,
  expertProfiles,
  jobSoftware,
  jobs,
  organizations,
  users,
  type Bid,
  type ContractFacts,
  type Job,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireOrgMember, requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { declineActiveBids } from "@/lib/bids/decline-active-bids";
import { nextBidStatus } from "@/lib/bids/bid-machine";
import { sendEmail } from "@/lib/email/send-email";
import { isUuidLike } from "@/lib/ids";
import { nextJobStatus } from "@/lib/jobs/job-machine";
import { readinessByExpert } from "@/lib/experts/readiness";
import { checkAmountCeilings } from "@/lib/money/limits";
import { priceInclVatByMilestone, vatRateBpsFor } from "@/lib/money/vat";
import { priceText } from "@/lib/money/price-text";
import { notReadyText } from "@/lib/experts/readiness-text";
import { fail, ok, type Result } from "@/lib/result";
import { appUrl } from "@/lib/http/app-url";
import { trainingFacts, writeTrainingSessions } from "@/lib/training/formation";

export type AcceptBidError = "job_not_open" | "illegal_transition" | "expert_unavailable" | "amount_over_limit" | "expert_not_ready" | "price_changed";

export interface AcceptBidInput {
  bidId: string;
  /**
   * The client saw that the expert is not yet ready to be paid (no billing mandate, payouts not
   * enabled, stale URSSAF certificate) and accepts anyway: without it, such a bid is refused.
   */
  acceptNotReady?: boolean;
  /** The VAT rate (basis points) of the total the client confirmed; a different rate now is refused. */
  expectedVatRateBps?: number;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function gatherFacts(tx: Transaction, actor: Actor, job: Job, bid: Bid, milestones: { title: string; amountCents: number; dueOn: string }[]) {
  const [organization] = await tx.select().from(organizations).where(eq(organizations.id, job.organizationId));
  const [profile] = await tx.select().from(expertProfiles).where(eq(expertProfiles.id, bid.profileId));
  if (!organization || !profile) throw new Error(`Contract parties missing for bid ${bid.id}`);
  const software = await tx
    .select({ name: catalogSoftware.name })
    .from(jobSoftware)
    .innerJoin(catalogSoftware, eq(catalogSoftware.id, jobSoftware.softwareId))
    .where(eq(jobSoftware.jobId, job.id))
    .orderBy(asc(catalogSoftware.name));
  const lastDue = milestones.reduce((latest, m) => (m.dueOn > latest ? m.dueOn : latest), bid.startOn);
  const plannedEnd = addDays(bid.startOn, Math.max(bid.durationDays - 1, 0));
  const address = [organization.addressLine1, organization.addressLine2, `${organization.postalCode} ${organization.city}`].filter(Boolean).join(", ");
  const facts: ContractFacts = {
    client: {
      legalName: organization.legalName,
      siren: organization.siren,
      siret: organization.siret,
      vatNumber: organization.vatNumber,
      address,
      representative: actor.name ?? actor.email,
    },
    expert: { name: profile.displayName, legalForm: profile.legalForm, siret: profile.siret, vatNumber: profile.vatNumber },
    job: {
      title: job.title,
      description: job.description,
      kind: job.kind,
      software: software.map((s) => s.name),
      remote: job.remote,
      departement: job.departement,
      dataSubjects: job.dataSubjects,
      dataCategories: job.dataCategories,
    },
    method: bid.method,
    startOn: bid.startOn,
    endOn: lastDue > plannedEnd ? lastDue : plannedEnd,
    durationDays: bid.durationDays,
    totalCents: bid.totalCents,
    milestones,
    personalData: job.personalData === true,
    formedAt: new Date().toISOString(),
  };
  return { facts, profile, organization };
}

/**
 * The client accepts one bid, in one transaction: the bid is accepted, the job's other active
 * bids are declined (their experts told), the job moves to in progress, and a contract is formed
 * with the bid's milestones and the facts its documents are generated from. The job row is
 * locked first, so two acceptances at the same moment form exactly one contract.
 *
 * An expert who is verified but not yet ready to be paid may still be chosen (the money the
 * client pays stays on the platform until the expert can invoice and receive it), but only when
 * the client was told so (`acceptNotReady`): nobody wins a job unnoticed that he cannot invoice.
 */
export async function acceptBid(actor: Actor | null, input: AcceptBidInput): Promise<Result<{ contractId: string }, AcceptBidError>> {
  const client = requireRole(actor, "client");
  if (!isUuidLike(input.bidId)) throw new PolicyError("forbidden");
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ jobId: bids.jobId }).from(bids).where(eq(bids.id, input.bidId));
    if (!target) throw new PolicyError("forbidden");
    const [job] = await tx.select().from(jobs).where(eq(jobs.id, target.jobId)).for("update");
    if (!job) throw new PolicyError("forbidden");
    await requireOrgMember(tx, client, job.organizationId);
    const [bid] = await tx.select().from(bids).where(eq(bids.id, input.bidId)).for("update");
    if (!bid) throw new PolicyError("forbidden");

    const nextJob = nextJobStatus(job.status, "start");
    if (!nextJob) return fail("job_not_open");
    const nextBid = nextBidStatus(bid.status, "accept");
    if (!nextBid) return fail("illegal_transition");
    const [expert] = await tx
      .select({ email: users.email, locale: users.locale, suspendedAt: users.suspendedAt, status: expertProfiles.status })
      .from(users)
      .innerJoin(expertProfiles, eq(expertProfiles.id, bid.profileId))
      .where(eq(users.id, bid.expertUserId));
    if (!expert || expert.suspendedAt || expert.status !== "verified") return fail("expert_unavailable");
    const readiness = (await readinessByExpert(tx, [bid.expertUserId])).get(bid.expertUserId);
    if (!readiness?.ready && !input.acceptNotReady) return fail("expert_not_ready");

    const milestones = (
      await tx.select().from(bidMilestones).where(eq(bidMilestones.bidId, bid.id)).orderBy(asc(bidMilestones.position))
    ).map(({ title, amountCents, dueOn }) => ({ title, amountCents, dueOn }));
    const { facts, organization, profile } = await gatherFacts(tx, client, job, bid, milestones);
    const training = await trainingFacts(tx, bid);
    if (training) facts.training = training;
    // The ceilings hold at formation too, at the VAT rate the contract will charge: a bid sent
    // before a lower MAX_CONTRACT_CENTS, or one written around the form, forms no contract.
    const vatRateBps = vatRateBpsFor(profile.vatRegime);
    if (input.expectedVatRateBps !== undefined && input.expectedVatRateBps !== vatRateBps) return fail("price_changed");
    if (checkAmountCeilings({ totalCents: bid.totalCents, milestoneCents: milestones.map((m) => m.amountCents) }, vatRateBps)) {
      return fail("amount_over_limit");
    }
    const now = new Date();

    await tx.update(bids).set({ status: nextBid, updatedAt: now }).where(eq(bids.id, bid.id));
    await tx.update(jobs).set({ status: nextJob, updatedAt: now }).where(eq(jobs.id, job.id));
    const declined = await declineActiveBids(tx, job, "jobAwarded", bid.id);
    const [contract] = await tx
      .insert(contracts)
      .values({
        jobId: job.id,
        bidId: bid.id,
        organizationId: job.organizationId,
        expertUserId: bid.expertUserId,
        profileId: bid.profileId,
        totalCents: bid.totalCents,
        commissionBps: bid.commissionBps,
        vatRateBps,
        personalData: facts.personalData,
        facts,
        acceptedById: client.id,
      })
      .returning({ id: contracts.id });
    if (!contract) throw new Error("Contract insert returned nothing");
    const formed = await tx
      .insert(contractMilestones)
      .values(milestones.map((m, position) => ({ contractId: contract.id, position, ...m })))
      .returning({ id: contractMilestones.id, position: contractMilestones.position });
    if (training) await writeTrainingSessions(tx, contract.id, training, formed);

    await sendEmail(tx, {
      template: "contract-event",
      to: expert.email,
      idempotencyKey: `bid-accepted:${bid.id}`,
      props: {
        locale: expert.locale,
        event: "bidAccepted",
        jobTitle: job.title,
        party: organization.legalName,
        withDpa: facts.personalData,
        withTrainingAgreement: Boolean(training),
        price: priceText({ ...priceInclVatByMilestone(milestones.map((m) => m.amountCents), vatRateBps), vatRateBps, vatRegime: profile.vatRegime }, expert.locale).line,
        notReady: readiness?.ready ? null : notReadyText(readiness?.missing ?? [], expert.locale),
        url: appUrl(`/contracts/${contract.id}`),
      },
    });
    const audit = { actorId: client.id, reason: null };
    await recordAudit(tx, { ...audit, action: "bid.accepted", subjectType: "bid", subjectId: bid.id, fromStatus: bid.status, toStatus: nextBid });
    await recordAudit(tx, { ...audit, action: "job.start", subjectType: "job", subjectId: job.id, fromStatus: job.status, toStatus: nextJob, data: { declinedBids: declined } });
    await recordAudit(tx, { ...audit, action: "contract.formed", subjectType: "contract", subjectId: contract.id, toStatus: "awaiting_documents" });
    return ok({ contractId: contract.id });
  });
}
