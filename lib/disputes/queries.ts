import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { contractMilestones, disputeMessages, disputes, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { attachmentsByOwner, type AttachmentLink } from "@/lib/attachments/store";
import { loadContractFor } from "@/lib/contracts/access";
import { milestoneCharge } from "@/lib/payments/amounts";
import { disputeAccess, type DisputeSide } from "./access";
import { mayDecideNow, responseDueAt } from "./window";

export interface DisputeThreadMessage {
  id: string;
  side: DisputeSide;
  /** The author's name (null once the account is erased); admins write as "Compagnon". */
  authorName: string | null;
  mine: boolean;
  body: string;
  createdAt: Date;
  attachments: AttachmentLink[];
}

/** A dispute's thread, oldest first, with each message's files. */
export async function disputeThread(disputeId: string, viewerId: string): Promise<DisputeThreadMessage[]> {
  const rows = await db
    .select({ id: disputeMessages.id, side: disputeMessages.side, authorId: disputeMessages.authorId, body: disputeMessages.body, createdAt: disputeMessages.createdAt, name: users.name, email: users.email })
    .from(disputeMessages)
    .leftJoin(users, eq(users.id, disputeMessages.authorId))
    .where(eq(disputeMessages.disputeId, disputeId))
    .orderBy(asc(disputeMessages.createdAt));
  const files = await attachmentsByOwner(db, "disputeMessageId", rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    side: r.side,
    authorName: r.side === "admin" ? null : r.authorId ? (r.name ?? r.email) : null,
    mine: r.authorId === viewerId,
    body: r.body,
    createdAt: r.createdAt,
    attachments: files.get(r.id) ?? [],
  }));
}

/**
 * A dispute as its people see it (the contract's client members, its expert, admins): the
 * milestone, the amount at stake, the response window, who said they are ready, the thread
 * and the decision once taken. Anyone else gets a PolicyError.
 */
export async function getDisputeCase(actor: Actor | null, disputeId: string) {
  const { actor: user, dispute, contract, side } = await disputeAccess(db, actor, disputeId);
  const [milestone] = await db.select().from(contractMilestones).where(eq(contractMilestones.id, dispute.milestoneId));
  if (!milestone) return null;
  return {
    side,
    dispute,
    contract: { id: contract.id, jobTitle: contract.facts.job.title, clientName: contract.facts.client.legalName, expertName: contract.facts.expert.name },
    milestone: { id: milestone.id, number: milestone.position + 1, title: milestone.title, status: milestone.status },
    charge: milestoneCharge(milestone, contract),
    dueAt: responseDueAt(dispute),
    mayDecide: mayDecideNow(dispute),
    thread: await disputeThread(dispute.id, user.id),
  };
}

export type DisputeCase = NonNullable<Awaited<ReturnType<typeof getDisputeCase>>>;

/** The disputes of a contract by milestone (the newest of each): the contract page links each milestone to its own. */
export async function disputesOfContract(actor: Actor | null, contractId: string): Promise<Map<string, { id: string; status: "open" | "settled" }>> {
  await loadContractFor(db, actor, contractId);
  const found = new Map<string, { id: string; status: "open" | "settled" }>();
  const rows = await db
    .select({ id: disputes.id, milestoneId: disputes.milestoneId, status: disputes.status })
    .from(disputes)
    .where(eq(disputes.contractId, contractId))
    .orderBy(desc(disputes.createdAt));
  for (const row of rows) if (!found.has(row.milestoneId)) found.set(row.milestoneId, { id: row.id, status: row.status });
  return found;
}
