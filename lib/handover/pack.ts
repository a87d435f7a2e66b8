import "server-only";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { contractAccesses, contractMilestones, handoverPacks, type ContractMilestone } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import { checkAttachment, insertAttachment, withStoredFile, type StoredFile, type UploadedFile } from "@/lib/attachments/store";
import { loadContractFor } from "@/lib/contracts/access";
import { parisDay } from "@/lib/dates";
import { env } from "@/lib/env";
import { isUuidLike } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { notifyHandover } from "./notify";
import { handoverRequired } from "./rules";
import { handoverPackSchema, type HandoverPackData, type HandoverPackInput } from "./schemas";

export type DeliverPackError = "invalid" | "not_required" | "not_last_milestone" | "already_delivered" | "closed";

const DAY_MS = 86_400_000;

/** Locks the contract's last milestone (milestone before contract, the order every money move takes). */
async function lockLastMilestone(tx: Transaction, contractId: string): Promise<ContractMilestone | null> {
  const [last] = await tx.select().from(contractMilestones).where(eq(contractMilestones.contractId, contractId)).orderBy(desc(contractMilestones.position)).limit(1).for("update");
  return last ?? null;
}

/**
 * The expert delivers the handover pack of an installation, once its last milestone was funded:
 * the architecture, the backups and how to restore them, the admin accounts handed over, the
 * update procedure, the register's accesses to revoke, and an optional network diagram (a file).
 * The client is told; the last milestone's automatic approval, held until now, is due no sooner
 * than the usual delay from now, so the client has the time to read the pack.
 */
export async function deliverHandoverPack(
  actor: Actor | null,
  input: HandoverPackInput & { file?: UploadedFile | null },
): Promise<Result<void, DeliverPackError>> {
  if (!isUuidLike(input.contractId)) throw new PolicyError("forbidden");
  // The policy before any file is written: a stranger's upload never reaches storage.
  const { side } = await loadContractFor(db, actor, input.contractId);
  if (side !== "expert") throw new PolicyError("forbidden");
  const parsed = handoverPackSchema(parisDay()).safeParse(input);
  const checked = checkAttachment(input.file);
  // An id that is no access's is an error of the list, where the form shows it.
  const fields = parsed.success ? {} : Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([key, code]) => (key.startsWith("revokeAccessIds.") ? ["revokeAccessIds", code] : [key, code])));
  if (!checked.ok) fields.file = checked.error;
  if (!parsed.success || !checked.ok) return fail("invalid", fields);
  const pack = parsed.data;
  return withStoredFile(checked.file, (stored) => deliver(actor, pack, stored));
}

async function deliver(actor: Actor | null, pack: HandoverPackData, stored: StoredFile | null): Promise<Result<void, DeliverPackError>> {
  return db.transaction(async (tx) => {
    const last = await lockLastMilestone(tx, pack.contractId);
    const { contract, side } = await loadContractFor(tx, actor, pack.contractId);
    if (side !== "expert" || !actor) throw new PolicyError("forbidden");
    if (!handoverRequired(contract.facts)) return fail("not_required");
    if (contract.status === "cancelled" || contract.status === "awaiting_documents") return fail("closed");
    if (!last || last.status === "pending") return fail("not_last_milestone");
    const [existing] = await tx.select({ at: handoverPacks.deliveredAt }).from(handoverPacks).where(eq(handoverPacks.contractId, contract.id));
    if (existing) return fail("already_delivered");
    const revokeIds = [...new Set(pack.revokeAccessIds)];
    if (revokeIds.length > 0) {
      const open = await tx
        .select({ id: contractAccesses.id })
        .from(contractAccesses)
        .where(and(eq(contractAccesses.contractId, contract.id), inArray(contractAccesses.id, revokeIds), isNull(contractAccesses.revokedAt)));
      if (open.length !== revokeIds.length) return fail("invalid", { revokeAccessIds: "handoverAccessUnknown" });
      await tx.update(contractAccesses).set({ toRevoke: true }).where(inArray(contractAccesses.id, revokeIds));
    }
    const now = new Date();
    await tx.insert(handoverPacks).values({
      contractId: contract.id,
      deliveredById: actor.id,
      architecture: pack.architecture,
      backups: pack.backups,
      restoreProcedure: pack.restoreProcedure,
      lastRestoreTestOn: pack.lastRestoreTestOn,
      adminAccounts: pack.adminAccounts,
      updateProcedure: pack.updateProcedure,
      deliveredAt: now,
    });
    await insertAttachment(tx, stored, { handoverContractId: contract.id }, actor.id);
    // The client gets the whole delay to read the pack before the last milestone approves itself.
    const earliest = new Date(now.getTime() + env().MILESTONE_AUTO_APPROVE_DAYS * DAY_MS);
    if (last.status === "delivered" && last.autoApproveAt && last.autoApproveAt < earliest) {
      await tx.update(contractMilestones).set({ autoApproveAt: earliest, remindersSent: [], updatedAt: now }).where(eq(contractMilestones.id, last.id));
    }
    await notifyHandover(tx, contract, { event: "packDelivered", audience: "client", key: contract.id });
    await recordAudit(tx, { actor, action: "handover.delivered", subjectType: "contract", subjectId: contract.id, data: { revoke: revokeIds.length, diagram: stored !== null } });
    return ok(undefined);
  });
}
