import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import {
  catalogSoftware,
  contractMilestones,
  contracts,
  expertProfiles,
  jobSoftware,
  organizations,
  type Bid,
  type ContractFacts,
  type Job,
  type OfferFacts,
  type VatRegime,
  type VatTreatment,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { sendEmail } from "@/lib/email/send-email";
import type { Readiness } from "@/lib/experts/readiness";
import { notReadyText } from "@/lib/experts/readiness-text";
import { appUrl } from "@/lib/http/app-url";
import type { AppLocale } from "@/lib/i18n/locale";
import { checkAmountCeilings } from "@/lib/money/limits";
import { priceText } from "@/lib/money/price-text";
import { priceInclVatByMilestone } from "@/lib/money/vat";
import { vatRateBpsOf, vatTreatmentFor, type VatBuyer } from "@/lib/money/vat-treatment";
import { retainerFacts, writeRetainer } from "@/lib/retainers/formation";
import { trainingFacts, writeTrainingSessions } from "@/lib/training/formation";

export type ContractPriceError = "amount_over_limit" | "price_changed";

export interface ContractMilestoneTerms {
  title: string;
  amountCents: number;
  dueOn: string;
}

/**
 * The VAT a contract formed now charges (the expert's regime today and where the client
 * organisation is established: `vatTreatmentFor`), or why it cannot be formed: a rate other than
 * the one the client confirmed, or an amount over the ceilings (which hold at formation too, at
 * that rate: a price written before a lower MAX_CONTRACT_CENTS forms no contract). Callers check
 * it before they write anything.
 */
export function contractVatRate(
  vatRegime: VatRegime | null,
  buyer: VatBuyer,
  terms: { totalCents: number; milestones: readonly ContractMilestoneTerms[]; expectedVatRateBps?: number },
): { ok: true; vatRateBps: number; vatTreatment: VatTreatment } | { ok: false; error: ContractPriceError } {
  const vatTreatment = vatTreatmentFor(vatRegime, buyer);
  const vatRateBps = vatRateBpsOf(vatTreatment);
  if (terms.expectedVatRateBps !== undefined && terms.expectedVatRateBps !== vatRateBps) return { ok: false, error: "price_changed" };
  if (checkAmountCeilings({ totalCents: terms.totalCents, milestoneCents: terms.milestones.map((m) => m.amountCents) }, vatRateBps)) {
    return { ok: false, error: "amount_over_limit" };
  }
  return { ok: true, vatRateBps, vatTreatment };
}

/** The client organisation as the VAT rules see it (where it is established, its VAT number), today. */
export async function clientVatBuyer(tx: Transaction, organizationId: string): Promise<VatBuyer> {
  const [organization] = await tx.select({ country: organizations.country, vatNumber: organizations.vatNumber }).from(organizations).where(eq(organizations.id, organizationId));
  if (!organization) throw new Error(`No organisation ${organizationId}`);
  return organization;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function gatherFacts(tx: Transaction, client: Actor, job: Job, bid: Bid, milestones: ContractMilestoneTerms[]) {
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
      representative: client.name ?? client.email,
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

export interface ContractFormation {
  client: Actor;
  job: Job;
  /** The accepted bid (for an offer, the bid written from it): price, dates, method, commission. */
  bid: Bid;
  milestones: ContractMilestoneTerms[];
  vatRateBps: number;
  vatTreatment: VatTreatment;
  expert: { email: string; locale: AppLocale };
  readiness: Readiness | undefined;
  /** The offer ordered, with the client's extras and answers (none for a bid on a posted need). */
  offer?: OfferFacts;
}

/**
 * Forms the contract of an accepted bid, in the caller's transaction: the facts its documents
 * (NDA, GDPR art. 28 agreement) are generated from, frozen; its milestones (and training
 * sessions); the expert told by email; the audit row. Prices are checked before, with
 * `contractVatRate`; the bid's and the job's own moves are the caller's.
 */
export async function formContract(tx: Transaction, formation: ContractFormation): Promise<{ contractId: string }> {
  const { client, job, bid, milestones, vatRateBps, vatTreatment, expert, readiness, offer } = formation;
  const { facts, organization, profile } = await gatherFacts(tx, client, job, bid, milestones);
  facts.vatTreatment = vatTreatment;
  const training = await trainingFacts(tx, bid);
  // The agreement states the contract's rate (none for a client abroad).
  if (training) facts.training = { ...training, vatRateBps };
  const retainer = await retainerFacts(tx, bid);
  if (retainer) facts.retainer = retainer;
  if (offer) facts.offer = offer;
  const [contract] = await tx
    .insert(contracts)
    .values({
      jobId: job.id,
      bidId: bid.id,
      offerId: offer?.offerId ?? null,
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
  if (retainer) await writeRetainer(tx, contract.id, bid.startOn, retainer, formed);

  await sendEmail(tx, {
    template: "contract-event",
    to: expert.email,
    idempotencyKey: offer ? `offer-ordered:${contract.id}` : `bid-accepted:${bid.id}`,
    props: {
      locale: expert.locale,
      event: offer ? "offerOrdered" : "bidAccepted",
      jobTitle: job.title,
      party: organization.legalName,
      withDpa: facts.personalData,
      withTrainingAgreement: Boolean(training),
      price: priceText({ ...priceInclVatByMilestone(milestones.map((m) => m.amountCents), vatRateBps), vatRateBps, vatRegime: profile.vatRegime, vatTreatment }, expert.locale).line,
      notReady: readiness?.ready ? null : notReadyText(readiness?.missing ?? [], expert.locale),
      url: appUrl(`/contracts/${contract.id}`),
    },
  });
  await recordAudit(tx, { actorId: client.id, reason: null, action: "contract.formed", subjectType: "contract", subjectId: contract.id, toStatus: "awaiting_documents", data: offer ? { offerId: offer.offerId } : undefined });
  return { contractId: contract.id };
}
