import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { attachments, contractMilestones, conversations, disputeMessages, disputes, messages, retainerTicketMessages, retainerTickets, type Attachment } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireUser } from "@/lib/auth/policy";
import { loadContractFor } from "@/lib/contracts/access";
import { bidAccess } from "@/lib/conversations/access";
import { isUuidLike } from "@/lib/ids";
import { getFile } from "@/lib/storage/files";

/** The contract a delivery's, a dispute message's, a handover pack's or a support ticket's file belongs to. */
async function contractOf(file: Attachment): Promise<string | null> {
  if (file.handoverContractId) return file.handoverContractId;
  if (file.deliveryMilestoneId) {
    const [row] = await db.select({ contractId: contractMilestones.contractId }).from(contractMilestones).where(eq(contractMilestones.id, file.deliveryMilestoneId));
    return row?.contractId ?? null;
  }
  if (file.disputeMessageId) {
    const [row] = await db
      .select({ contractId: disputes.contractId })
      .from(disputeMessages)
      .innerJoin(disputes, eq(disputes.id, disputeMessages.disputeId))
      .where(eq(disputeMessages.id, file.disputeMessageId));
    return row?.contractId ?? null;
  }
  if (file.ticketId) {
    const [row] = await db.select({ contractId: retainerTickets.contractId }).from(retainerTickets).where(eq(retainerTickets.id, file.ticketId));
    return row?.contractId ?? null;
  }
  if (file.ticketMessageId) {
    const [row] = await db
      .select({ contractId: retainerTickets.contractId })
      .from(retainerTicketMessages)
      .innerJoin(retainerTickets, eq(retainerTickets.id, retainerTicketMessages.ticketId))
      .where(eq(retainerTicketMessages.id, file.ticketMessageId));
    return row?.contractId ?? null;
  }
  return null;
}

/**
 * A file for download, with the same rule as evidence: only the people of what it was sent in
 * (the bid's conversation, or the contract: its expert, its client's members) and admins.
 * Anyone else gets a PolicyError, whether the file exists or not.
 */
export async function getAttachmentForDownload(actor: Actor | null, attachmentId: string): Promise<{ file: Attachment; bytes: Buffer }> {
  requireUser(actor);
  if (!isUuidLike(attachmentId)) throw new PolicyError("forbidden");
  const [file] = await db.select().from(attachments).where(eq(attachments.id, attachmentId));
  if (!file) throw new PolicyError("forbidden");
  if (file.messageId) {
    const [row] = await db
      .select({ bidId: conversations.bidId })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(eq(messages.id, file.messageId));
    if (!row) throw new PolicyError("forbidden");
    await bidAccess(db, actor, row.bidId);
  } else {
    const contractId = await contractOf(file);
    if (!contractId) throw new PolicyError("forbidden");
    await loadContractFor(db, actor, contractId);
  }
  return { file, bytes: await getFile(file.storageKey) };
}
