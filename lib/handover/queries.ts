import "server-only";
import { aliasedTable, asc, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { contractAccesses, contractMilestones, handoverPacks, users, type Contract } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { attachmentsByOwner } from "@/lib/attachments/store";
import { loadContractFor } from "@/lib/contracts/access";
import type { DocumentLocale } from "@/lib/contracts/documents/types";
import { handoverRequired, keepsAccessRegister, registerOpen } from "./rules";

const recorder = aliasedTable(users, "recorder");
const revoker = aliasedTable(users, "revoker");
const decider = aliasedTable(users, "decider");

/** A contract's access register, oldest first, with the names of who recorded, revoked and decided. */
export async function accessRows(contractId: string) {
  return db
    .select({
      id: contractAccesses.id,
      kind: contractAccesses.kind,
      label: contractAccesses.label,
      holder: contractAccesses.holder,
      since: contractAccesses.since,
      recordedBy: recorder.name,
      revokedAt: contractAccesses.revokedAt,
      revokedBy: revoker.name,
      toRevoke: contractAccesses.toRevoke,
      decision: contractAccesses.decision,
      decidedAt: contractAccesses.decidedAt,
      decidedBy: decider.name,
    })
    .from(contractAccesses)
    .leftJoin(recorder, eq(recorder.id, contractAccesses.recordedById))
    .leftJoin(revoker, eq(revoker.id, contractAccesses.revokedById))
    .leftJoin(decider, eq(decider.id, contractAccesses.decidedById))
    .where(eq(contractAccesses.contractId, contractId))
    .orderBy(asc(contractAccesses.createdAt), asc(contractAccesses.id));
}

export type AccessRow = Awaited<ReturnType<typeof accessRows>>[number];

/** The language the client reads the pack in: that of the member who accepted the bid (French by default). */
export async function clientLocale(contract: Contract): Promise<DocumentLocale> {
  if (!contract.acceptedById) return "fr";
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, contract.acceptedById));
  return row?.locale === "en" ? "en" : "fr";
}

/**
 * A contract's access register and handover pack, for its parties and admins: what each may do
 * now (record, deliver the pack, decide on the accesses to revoke) is worked out here too.
 */
export async function getHandoverView(actor: Actor | null, contractId: string) {
  const { contract, side } = await loadContractFor(db, actor, contractId);
  const [accesses, [pack], [last], locale] = await Promise.all([
    accessRows(contract.id),
    db.select().from(handoverPacks).where(eq(handoverPacks.contractId, contract.id)),
    db.select({ status: contractMilestones.status }).from(contractMilestones).where(eq(contractMilestones.contractId, contract.id)).orderBy(desc(contractMilestones.position)).limit(1),
    clientLocale(contract),
  ]);
  const diagrams = pack ? ((await attachmentsByOwner(db, "handoverContractId", [contract.id])).get(contract.id) ?? []) : [];
  const required = handoverRequired(contract.facts);
  const party = side !== "admin";
  return {
    contract: { id: contract.id, title: contract.facts.job.title, status: contract.status, client: contract.facts.client.legalName, expert: contract.facts.expert.name },
    side,
    required,
    register: keepsAccessRegister(contract.facts),
    accesses,
    pack: pack ? { ...pack, diagrams } : null,
    clientLocale: locale,
    can: {
      record: party && keepsAccessRegister(contract.facts) && registerOpen(contract),
      revoke: party,
      deliver: side === "expert" && required && !pack && (contract.status === "active" || contract.status === "completed") && last !== undefined && last.status !== "pending",
      decide: side === "client" && Boolean(pack),
    },
    lastMilestoneFunded: last !== undefined && last.status !== "pending",
  };
}

export type HandoverView = Awaited<ReturnType<typeof getHandoverView>>;

/** What the contract's page shows of the handover: whether it keeps a register, and the pack's delivery. */
export async function handoverSummary(actor: Actor | null, contractId: string) {
  const { contract } = await loadContractFor(db, actor, contractId);
  const [pack] = await db.select({ deliveredAt: handoverPacks.deliveredAt }).from(handoverPacks).where(eq(handoverPacks.contractId, contract.id));
  return { register: keepsAccessRegister(contract.facts), deliveredAt: pack?.deliveredAt ?? null, clientLocale: pack ? await clientLocale(contract) : ("fr" as const) };
}
