import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { bids, users, type Locale, type UserRole } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireUser } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import { fail, ok, type Result } from "@/lib/result";
import { deleteFile } from "@/lib/storage/files";
import { erasureBlockers, isLastMember, membershipsOf, type ErasureBlocker } from "./erase-checks";
import { erasedEmail, eraseExpertSide, eraseTraces, leaveOrganizations, lockOpenJobs } from "./erase-steps";

export type { ErasureBlocker } from "./erase-checks";
export { ERASED_DISPLAY_NAME, ERASED_MESSAGE_BODY, erasedEmail } from "./erase-steps";

export const eraseAccountSchema = z.object({
  /** The account's email address, typed again as confirmation. */
  confirmEmail: z.string({ error: "required" }).trim().toLowerCase().min(1, { error: "required" }).max(320, { error: "emailMismatch" }),
});

export type EraseAccountInput = z.input<typeof eraseAccountSchema>;
export type EraseAccountError = "invalid" | ErasureBlocker;

/** Admin accounts are operator accounts: the operator closes them, not this page. */
function requireErasable(actor: Actor | null): Actor {
  const user = requireUser(actor);
  if (user.role === "admin") throw new PolicyError("forbidden");
  return user;
}

/**
 * Erases the acting person's account (GDPR art. 17), in one transaction, unless money is in
 * flight, a contract is in progress or they are the only owner of an organisation with other
 * members. The user row stays (invoices, contracts and transfers reference it) but is
 * anonymised and suspended; the expert profile leaves the directory; files, skills, references,
 * evidence, sessions, tokens, emails and invitations to the address are deleted; messages are
 * blanked. Invoices and credit notes are not touched: they keep their own snapshot for ten years.
 * Stored files (photo, evidence) are deleted once the transaction has committed.
 */
export async function eraseAccount(actor: Actor | null, input: EraseAccountInput): Promise<Result<void, EraseAccountError>> {
  const user = requireErasable(actor);
  const parsed = eraseAccountSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));

  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, user.id)).for("update");
    // Suspended (or already erased) accounts are signed out: they do not reach this point.
    if (!row || row.suspendedAt) throw new PolicyError("unauthenticated");
    if (row.role === "admin") throw new PolicyError("forbidden");
    if (row.email.toLowerCase() !== parsed.data.confirmEmail) return fail("invalid", { confirmEmail: "emailMismatch" });

    // Locks first, checks next: no bid gets accepted and no colleague leaves meanwhile.
    await tx.execute(sql`select 1 from organization_members
      where organization_id in (select organization_id from organization_members where user_id = ${row.id}) for update`);
    await tx
      .select({ id: bids.id })
      .from(bids)
      .where(and(eq(bids.expertUserId, row.id), inArray(bids.status, ["submitted", "shortlisted"])))
      .for("update");
    const memberships = await membershipsOf(tx, row.id);
    await lockOpenJobs(tx, memberships.filter(isLastMember).map((m) => m.organizationId));
    const [blocker] = await erasureBlockers(tx, row.id, memberships);
    if (blocker) return fail(blocker);

    const expert = await eraseExpertSide(tx, row.id);
    const organizations = await leaveOrganizations(tx, row.id, memberships);
    const newEmail = erasedEmail(row.id);
    const traces = await eraseTraces(tx, row, newEmail);
    await tx
      .update(users)
      .set({ email: newEmail, name: null, image: null, emailVerified: null, suspendedAt: new Date() })
      .where(eq(users.id, row.id));
    await recordAudit(tx, {
      actorId: row.id,
      action: "account.erased",
      subjectType: "user",
      subjectId: row.id,
      toStatus: "erased",
      data: {
        role: row.role,
        filesDeleted: expert.fileKeys.length + traces.fileKeys.length,
        bidsWithdrawn: expert.withdrawnBids,
        organizationsLeft: memberships.length,
        jobsCancelled: organizations.cancelledJobs,
      },
    });
    return ok([...expert.fileKeys, ...traces.fileKeys]);
  });
  if (!outcome.ok) return outcome;
  await deleteStoredFiles(outcome.value);
  return ok(undefined);
}

/** Deletes files after the commit; one that fails is logged by key (no personal data) and left behind. */
async function deleteStoredFiles(keys: string[]): Promise<void> {
  const results = await Promise.allSettled(keys.map((key) => deleteFile(key)));
  results.forEach((result, i) => {
    if (result.status === "rejected") console.error(`[erase] stored file ${keys[i]} not deleted`, result.reason);
  });
}

export interface MyAccount {
  email: string;
  name: string | null;
  role: UserRole | null;
  locale: Locale;
  /** False for admin accounts (closed by the operator). */
  erasable: boolean;
  /** What must be finished or settled before the erasure (empty: it can be done now). */
  blockers: ErasureBlocker[];
}

/** The "Mon compte" page: the account, and whether it can be erased now. */
export async function getMyAccount(actor: Actor | null): Promise<MyAccount> {
  const user = requireUser(actor);
  const [row] = await db.select().from(users).where(eq(users.id, user.id));
  if (!row) throw new PolicyError("unauthenticated");
  const erasable = row.role !== "admin";
  return {
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    erasable,
    blockers: erasable ? await erasureBlockers(db, row.id) : [],
  };
}
