import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { contractAccesses, handoverPacks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import { loadContractFor } from "@/lib/contracts/access";
import { isUuidLike } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { notifyHandover } from "./notify";
import { accessDecisionSchema, type AccessDecisionInput } from "./schemas";

export type AccessDecisionError = "invalid" | "no_pack" | "not_listed" | "already_decided" | "already_revoked";

/**
 * A member of the client organisation answers, for an access the delivered pack lists to revoke,
 * that it was revoked (the register then says so, now, unless it already did) or that it is kept
 * (a retainer keeps some). Once per access; the expert is told.
 */
export async function decideAccess(actor: Actor | null, input: AccessDecisionInput): Promise<Result<void, AccessDecisionError>> {
  if (!isUuidLike(input.contractId)) throw new PolicyError("forbidden");
  const parsed = accessDecisionSchema.safeParse(input);
  return db.transaction(async (tx) => {
    const { contract, side } = await loadContractFor(tx, actor, input.contractId, { lock: true });
    if (side !== "client" || !actor) throw new PolicyError("forbidden");
    if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
    const { accessId, decision } = parsed.data;
    const [access] = await tx
      .select()
      .from(contractAccesses)
      .where(and(eq(contractAccesses.id, accessId), eq(contractAccesses.contractId, contract.id)))
      .for("update");
    if (!access) throw new PolicyError("forbidden");
    const [pack] = await tx.select({ at: handoverPacks.deliveredAt }).from(handoverPacks).where(eq(handoverPacks.contractId, contract.id));
    if (!pack) return fail("no_pack");
    if (!access.toRevoke) return fail("not_listed");
    if (access.decision) return fail("already_decided");
    if (decision === "kept" && access.revokedAt) return fail("already_revoked");
    const now = new Date();
    await tx
      .update(contractAccesses)
      .set({
        decision,
        decidedAt: now,
        decidedById: actor.id,
        ...(decision === "revoked" && !access.revokedAt ? { revokedAt: now, revokedById: actor.id } : {}),
      })
      .where(eq(contractAccesses.id, access.id));
    await notifyHandover(tx, contract, { event: decision === "revoked" ? "accessRevoked" : "accessKept", audience: "expert", key: access.id, access: access.label });
    await recordAudit(tx, { actor, action: `access.${decision}`, subjectType: "contract", subjectId: contract.id, data: { accessId: access.id, label: access.label } });
    return ok(undefined);
  });
}
