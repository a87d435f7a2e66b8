import "server-only";
import { and, count, eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { contractAccesses } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import { loadContractFor } from "@/lib/contracts/access";
import { parisDay } from "@/lib/dates";
import { isUuidLike } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { keepsAccessRegister, registerOpen } from "./rules";
import { accessSchema, MAX_ACCESSES, type AccessInput } from "./schemas";

export type RecordAccessError = "invalid" | "not_open" | "no_register" | "too_many";

/** The contract, locked, for one of its two parties (admins read the register but do not write it). */
async function lockForParty(tx: Transaction, actor: Actor | null, contractId: string) {
  if (!isUuidLike(contractId)) throw new PolicyError("forbidden");
  const { contract, side } = await loadContractFor(tx, actor, contractId, { lock: true });
  if (side === "admin" || !actor) throw new PolicyError("forbidden");
  return { contract, side, actor };
}

/**
 * The expert or a member of the client organisation records an access the expert was given or
 * created: its kind, where it is, who holds it and since when. Never the secret: a field that
 * looks like one is refused.
 */
export async function recordAccess(actor: Actor | null, input: AccessInput): Promise<Result<{ accessId: string }, RecordAccessError>> {
  return db.transaction(async (tx) => {
    const { contract, side, actor: user } = await lockForParty(tx, actor, input.contractId);
    if (!keepsAccessRegister(contract.facts)) return fail("no_register");
    if (!registerOpen(contract)) return fail("not_open");
    const parsed = accessSchema(parisDay()).safeParse(input);
    if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(contractAccesses).where(eq(contractAccesses.contractId, contract.id));
    if (n >= MAX_ACCESSES) return fail("too_many");
    const { kind, label, holder, since } = parsed.data;
    const [row] = await tx.insert(contractAccesses).values({ contractId: contract.id, kind, label, holder, since, recordedById: user.id }).returning({ id: contractAccesses.id });
    if (!row) throw new Error("access not recorded");
    await recordAudit(tx, { actor: user, action: "access.recorded", subjectType: "contract", subjectId: contract.id, data: { accessId: row.id, kind, label, holder, since, side } });
    return ok({ accessId: row.id });
  });
}

/** Either party records that an access was revoked (now). An access is revoked once. */
export async function revokeAccess(actor: Actor | null, input: { contractId: string; accessId: string }): Promise<Result<void, "already_revoked">> {
  if (!isUuidLike(input.accessId)) throw new PolicyError("forbidden");
  return db.transaction(async (tx) => {
    const { contract, side, actor: user } = await lockForParty(tx, actor, input.contractId);
    const [access] = await tx
      .select()
      .from(contractAccesses)
      .where(and(eq(contractAccesses.id, input.accessId), eq(contractAccesses.contractId, contract.id)))
      .for("update");
    if (!access) throw new PolicyError("forbidden");
    if (access.revokedAt) return fail("already_revoked");
    await tx.update(contractAccesses).set({ revokedAt: new Date(), revokedById: user.id }).where(eq(contractAccesses.id, access.id));
    await recordAudit(tx, { actor: user, action: "access.revoked", subjectType: "contract", subjectId: contract.id, data: { accessId: access.id, label: access.label, side } });
    return ok(undefined);
  });
}
