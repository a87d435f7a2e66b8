import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { bidMilestones, bids, expertProfiles, jobSoftware, jobs, offers, users, type Offer } from "@/db/schema";
import { fieldErrors } from "@/lib/actions/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { contractVatRate, formContract, type ContractMilestoneTerms } from "@/lib/contracts/form-contract";
import { orderingOrganization } from "./ordering-organization";
import { parisDay } from "@/lib/dates";
import { env } from "@/lib/env";
import { readinessByExpert } from "@/lib/experts/readiness";
import { isUuidLike } from "@/lib/ids";
import { hiddenByModeration } from "@/lib/moderation/visibility";
import { fail, ok, type Result } from "@/lib/result";
import { orderSchema, type OrderInput } from "./schemas";

export type OrderOfferError = "invalid" | "no_organization" | "offer_unavailable" | "expert_unavailable" | "expert_not_ready" | "amount_over_limit" | "price_changed";

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The contract's milestones: the offer's, due in turn over its delivery time from `startOn`, then
 * each extra the client chose, due at the end.
 */
export function orderMilestones(offer: Pick<Offer, "milestones" | "extras" | "deliveryDays">, extras: number[], startOn: string): ContractMilestoneTerms[] {
  const count = offer.milestones.length;
  const end = addDays(startOn, offer.deliveryDays);
  const steps = offer.milestones.map((m, i) => ({ title: m.title, amountCents: m.amountCents, dueOn: addDays(startOn, Math.ceil((offer.deliveryDays * (i + 1)) / count)) }));
  const chosen = offer.extras.filter((_extra, i) => extras.includes(i)).map((e) => ({ title: e.title, amountCents: e.priceCents, dueOn: end }));
  return [...steps, ...chosen];
}

/**
 * A client orders a published offer for his organisation: he answers each of the offer's
 * questions, picks extras and says where the work happens and whether the expert will reach
 * personal data. In one transaction a need (in progress) and an accepted bid are written from the
 * offer and the contract is formed from them exactly as for an accepted bid (NDA, art. 28
 * agreement when personal data is reached, milestones), referencing the offer and keeping the
 * answers; the expert is told by email.
 */
export async function orderOffer(actor: Actor | null, input: OrderInput): Promise<Result<{ contractId: string }, OrderOfferError>> {
  const client = requireRole(actor, "client");
  if (!isUuidLike(input.offerId)) throw new PolicyError("forbidden");
  const parsed = orderSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const order = parsed.data;
  return db.transaction(async (tx) => {
    const membership = await orderingOrganization(tx, client.id);
    if (!membership) return fail("no_organization");
    const [offer] = await tx.select().from(offers).where(eq(offers.id, order.offerId)).for("share");
    if (!offer || offer.status !== "published" || (await hiddenByModeration(tx, client, "offer", offer.id))) return fail("offer_unavailable");

    const errors: Record<string, string> = {};
    offer.questions.forEach((_question, i) => {
      if (!order.answers[i]) errors[`answers.${i}`] = "required";
    });
    if (order.extras.some((i) => i >= offer.extras.length)) errors.extras = "required";
    if (order.place === "remote" ? !offer.remote : !offer.departements.includes(order.place)) errors.place = "offerPlace";
    if (Object.keys(errors).length > 0) return fail("invalid", errors);

    const [expert] = await tx
      .select({ email: users.email, locale: users.locale, suspendedAt: users.suspendedAt, status: expertProfiles.status, vatRegime: expertProfiles.vatRegime })
      .from(users)
      .innerJoin(expertProfiles, eq(expertProfiles.id, offer.profileId))
      .where(eq(users.id, offer.expertUserId));
    if (!expert || expert.suspendedAt || expert.status !== "verified") return fail("expert_unavailable");
    const readiness = (await readinessByExpert(tx, [offer.expertUserId])).get(offer.expertUserId);
    if (!readiness?.ready && !order.acceptNotReady) return fail("expert_not_ready");

    const startOn = parisDay();
    const milestones = orderMilestones(offer, order.extras, startOn);
    const totalCents = milestones.reduce((sum, m) => sum + m.amountCents, 0);
    const price = contractVatRate(expert.vatRegime, membership, { totalCents, milestones, expectedVatRateBps: order.expectedVatRateBps });
    if (!price.ok) return fail(price.error);

    const personalData = order.personalData === "yes";
    const [job] = await tx
      .insert(jobs)
      .values({
        organizationId: membership.organizationId,
        createdById: client.id,
        status: "in_progress",
        wizardStep: 7,
        kind: offer.kind,
        personalData,
        dataSubjects: personalData ? order.dataSubjects : [],
        dataCategories: personalData ? order.dataCategories : [],
        budgetType: "fixed",
        startOn,
        deadlineOn: addDays(startOn, offer.deliveryDays),
        remote: order.place === "remote",
        departement: order.place === "remote" ? null : order.place,
        title: offer.title,
        description: offer.summary,
      })
      .returning();
    if (!job) throw new Error("job insert returned nothing");
    await tx.insert(jobSoftware).values({ jobId: job.id, softwareId: offer.softwareId });
    const [bid] = await tx
      .insert(bids)
      .values({
        jobId: job.id,
        expertUserId: offer.expertUserId,
        profileId: offer.profileId,
        status: "accepted",
        pricing: "fixed",
        totalCents,
        durationDays: offer.deliveryDays,
        startOn,
        method: offer.included,
        commissionBps: env().PLATFORM_COMMISSION_BPS,
      })
      .returning();
    if (!bid) throw new Error("bid insert returned nothing");
    await tx.insert(bidMilestones).values(milestones.map((m, position) => ({ bidId: bid.id, position, ...m })));

    const contract = await formContract(tx, {
      client,
      job,
      bid,
      milestones,
      vatRateBps: price.vatRateBps,
      vatTreatment: price.vatTreatment,
      expert,
      readiness,
      offer: {
        offerId: offer.id,
        title: offer.title,
        extras: offer.extras.filter((_extra, i) => order.extras.includes(i)),
        answers: offer.questions.map((question, i) => ({ question, answer: order.answers[i] ?? "" })),
      },
    });
    await recordAudit(tx, { actorId: client.id, action: "offer.ordered", subjectType: "offer", subjectId: offer.id, data: { contractId: contract.contractId, jobId: job.id, bidId: bid.id } });
    return ok(contract);
  });
}
