import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { contractMilestones } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadContractFor } from "@/lib/contracts/access";
import { attachmentsByOwner, type AttachmentLink } from "./store";

/** The files sent with each delivery of a contract, by milestone id: its parties and admins only. */
export async function deliveryAttachments(actor: Actor | null, contractId: string): Promise<Map<string, AttachmentLink[]>> {
  await loadContractFor(db, actor, contractId);
  const milestones = await db.select({ id: contractMilestones.id }).from(contractMilestones).where(eq(contractMilestones.contractId, contractId));
  return attachmentsByOwner(db, "deliveryMilestoneId", milestones.map((m) => m.id));
}
