import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db/client";
import { decisionComplaints, statementsOfReasons, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import { fail, ok, type Result } from "@/lib/result";
import { notifyModeration } from "./notify";
import { reverseRestriction } from "./reverse";
import { complaintDeadline } from "./rules";
import { complaintDecisionSchema, complaintSchema } from "./schemas";
import { concernsViewer } from "./statements";

export type ComplaintError = "invalid" | "not_found" | "already" | "too_late" | "reversed";

/**
 * The affected person contests a decision (DSA art. 20): free, once, within six months; signed in
 * or through the emailed link (a suspended account cannot sign in).
 */
export async function fileComplaint(
  actor: Actor | null,
  input: { statementId: string; key?: string; body: string },
  now = new Date(),
): Promise<Result<{ complaintId: string }, ComplaintError>> {
  const parsed = complaintSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  return db.transaction(async (tx) => {
    const [statement] = await tx.select().from(statementsOfReasons).where(eq(statementsOfReasons.id, parsed.data.statementId)).for("update");
    if (!statement || !concernsViewer(statement, actor, input.key)) return fail("not_found");
    if (statement.reversedAt) return fail("reversed");
    if (now >= complaintDeadline(statement.createdAt)) return fail("too_late");
    const [complaint] = await tx
      .insert(decisionComplaints)
      .values({ statementId: statement.id, complainantId: statement.userId, body: parsed.data.body })
      .onConflictDoNothing()
      .returning({ id: decisionComplaints.id });
    if (!complaint) return fail("already");
    await recordAudit(tx, { actorId: statement.userId, action: "complaint.filed", subjectType: "statement_of_reasons", subjectId: statement.id, toStatus: "open", reason: parsed.data.body });
    const [person] = statement.userId ? await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, statement.userId)) : [];
    if (person) await notifyModeration(tx, person.email, person.locale, "complaint_received", complaint.id);
    return ok({ complaintId: complaint.id });
  });
}

/**
 * A second admin answers a complaint with reasons: the decision stands (`upheld`) or is reversed,
 * which lifts the restriction. The admin who took the first decision may not decide (art. 20(6)).
 */
export async function decideComplaint(
  actor: Actor | null,
  input: z.input<typeof complaintDecisionSchema>,
): Promise<Result<void, "invalid" | "not_found" | "already" | "same_admin">> {
  const admin = requireRole(actor, "admin");
  const parsed = complaintDecisionSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { complaintId, outcome, answer } = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ complaint: decisionComplaints, statement: statementsOfReasons })
      .from(decisionComplaints)
      .innerJoin(statementsOfReasons, eq(statementsOfReasons.id, decisionComplaints.statementId))
      .where(eq(decisionComplaints.id, complaintId))
      .for("update");
    if (!row) return fail("not_found");
    if (row.complaint.status !== "open") return fail("already");
    if (row.statement.decidedById === admin.id) return fail("same_admin");
    const now = new Date();
    await tx.update(decisionComplaints).set({ status: outcome, answer, decidedById: admin.id, decidedAt: now }).where(eq(decisionComplaints.id, complaintId));
    if (outcome === "reversed") {
      await reverseRestriction(tx, admin, row.statement, "complaint");
      await tx.update(statementsOfReasons).set({ reversedAt: now, reversal: "complaint" }).where(eq(statementsOfReasons.id, row.statement.id));
    }
    await recordAudit(tx, {
      actor: admin,
      action: "complaint.decided",
      subjectType: "statement_of_reasons",
      subjectId: row.statement.id,
      fromStatus: "open",
      toStatus: outcome,
      reason: answer,
    });
    if (row.complaint.complainantId) {
      const [person] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, row.complaint.complainantId));
      if (person) await notifyModeration(tx, person.email, person.locale, "complaint_decided", complaintId, { outcome, note: answer });
    }
    return ok(undefined);
  });
}
