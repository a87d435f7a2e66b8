import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { contractDocumentAcceptances, contractMilestones, contracts, expertProfiles, organizationMembers, users, type ContractDocumentKind, type ContractSide } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { isUuidLike } from "@/lib/ids";
import { milestoneCharge } from "@/lib/payments/amounts";
import { loadContractFor, requiredDocuments } from "./access";

/** A contract as its parties (and admins) see it: milestones, documents and who accepted them. */
export async function getContractView(actor: Actor | null, contractId: string) {
  const { contract, side } = await loadContractFor(db, actor, contractId);
  const milestones = await db.select().from(contractMilestones).where(eq(contractMilestones.contractId, contract.id)).orderBy(asc(contractMilestones.position));
  const acceptances = await db
    .select({ kind: contractDocumentAcceptances.kind, side: contractDocumentAcceptances.side, acceptedAt: contractDocumentAcceptances.acceptedAt, version: contractDocumentAcceptances.version, contentSha256: contractDocumentAcceptances.contentSha256, userName: users.name })
    .from(contractDocumentAcceptances)
    .leftJoin(users, eq(users.id, contractDocumentAcceptances.userId))
    .where(eq(contractDocumentAcceptances.contractId, contract.id));
  const [profile] = await db.select({ slug: expertProfiles.slug }).from(expertProfiles).where(eq(expertProfiles.id, contract.profileId));
  const documents = requiredDocuments(contract).map((kind) => ({
    kind,
    accepted: Object.fromEntries(
      (["client", "expert"] as const).map((s) => [s, acceptances.find((a) => a.kind === kind && a.side === s) ?? null]),
    ) as Record<ContractSide, (typeof acceptances)[number] | null>,
  }));
  const charges = milestones.map((m) => milestoneCharge(m, contract));
  const sum = (pick: (c: (typeof charges)[number]) => number) => charges.reduce((total, c) => total + pick(c), 0);
  const totals = { exVatCents: sum((c) => c.exVatCents), vatCents: sum((c) => c.vatCents), chargeCents: sum((c) => c.chargeCents) };
  // The commission is between the platform and the expert: the client does not see it.
  const money = side === "client" ? null : { commissionCents: sum((c) => c.commissionCents), netCents: sum((c) => c.expertCents) };
  // Something is left to accept only while the contract waits for it and a side has not accepted.
  const documentsPending = contract.status === "awaiting_documents" && documents.some((d) => !d.accepted.client || !d.accepted.expert);
  return { contract, side, milestones, documents, documentsPending, expertSlug: profile?.slug ?? null, totals, money };
}

export type ContractView = Awaited<ReturnType<typeof getContractView>>;

/** Whether `side` still has to accept `kind` (and may do so now). */
export function awaitsAcceptance(view: ContractView, kind: ContractDocumentKind): boolean {
  if (view.side === "admin" || view.contract.status !== "awaiting_documents") return false;
  const document = view.documents.find((d) => d.kind === kind);
  return Boolean(document && !document.accepted[view.side]);
}

const summaryColumns = {
  id: contracts.id,
  jobId: contracts.jobId,
  status: contracts.status,
  totalCents: contracts.totalCents,
  commissionBps: contracts.commissionBps,
  facts: contracts.facts,
  createdAt: contracts.createdAt,
};

/** The contracts of the actor: an expert's own, or those of the client's organisation; newest first. */
export async function listMyContracts(actor: Actor | null) {
  const user = requireRole(actor, "client", "expert");
  const rows =
    user.role === "expert"
      ? await db.select(summaryColumns).from(contracts).where(eq(contracts.expertUserId, user.id)).orderBy(desc(contracts.createdAt))
      : await db
          .select(summaryColumns)
          .from(contracts)
          .innerJoin(organizationMembers, eq(organizationMembers.organizationId, contracts.organizationId))
          .where(eq(organizationMembers.userId, user.id))
          .orderBy(desc(contracts.createdAt));
  return rows.map(({ facts, ...row }) => ({
    ...row,
    jobTitle: facts.job.title,
    otherParty: user.role === "expert" ? facts.client.legalName : facts.expert.name,
  }));
}

/** The id of the contract formed on a job, for the job's organisation members (null when none). */
export async function contractIdForJob(actor: Actor | null, jobId: string): Promise<string | null> {
  const client = requireRole(actor, "client");
  if (!isUuidLike(jobId)) return null;
  const [row] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .innerJoin(organizationMembers, eq(organizationMembers.organizationId, contracts.organizationId))
    .where(and(eq(contracts.jobId, jobId), eq(organizationMembers.userId, client.id)));
  return row?.id ?? null;
}
