import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { db, type Executor, type Transaction } from "@/db/client";
import { decisionComplaints, statementsOfReasons, users, type RestrictionGround, type RestrictionKind, type StatementOfReasons } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { notifyModeration } from "./notify";
import { complaintDeadline } from "./rules";

export interface StatementInput {
  /** The person the restriction affects (null: nobody to tell, e.g. an erased account). */
  userId: string | null;
  restriction: RestrictionKind;
  subjectType: string;
  subjectId: string;
  facts: string;
  ground: RestrictionGround;
  reportId?: string | null;
}

/**
 * Records the statement of reasons of a restriction an admin just decided (DSA art. 17), in the
 * transaction of the decision, and emails the affected person the link to read and contest it.
 * Automated is always false: every decision here is taken by a person. The email's link carries a
 * secret key, so a person whose account is suspended can still read and contest the decision.
 */
export async function recordStatement(tx: Transaction, admin: Actor, input: StatementInput): Promise<string> {
  const { key, hash } = newAccessKey();
  const [statement] = await tx
    .insert(statementsOfReasons)
    .values({ ...input, reportId: input.reportId ?? null, automated: false, decidedById: admin.id, accessKeyHash: hash })
    .returning({ id: statementsOfReasons.id });
  if (!statement) throw new Error("statement insert returned nothing");
  await recordAudit(tx, {
    actor: admin,
    action: "statement.issued",
    subjectType: "statement_of_reasons",
    subjectId: statement.id,
    reason: input.facts,
    data: { restriction: input.restriction, ground: input.ground, subjectType: input.subjectType, subjectId: input.subjectId },
  });
  if (input.userId) {
    const [person] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, input.userId));
    if (person) {
      await notifyModeration(tx, person.email, person.locale, "statement", statement.id, {
        outcome: input.restriction,
        note: input.facts,
        ground: input.ground,
        path: `/decisions/${statement.id}?key=${key}`,
      });
    }
  }
  return statement.id;
}

/**
 * An admin lifted a restriction by hand (reinstated an account or an expert profile, released a
 * withheld payout): each statement of reasons still standing for it is marked reversed
 * (`reinstated`), with an audit row, and the person is told in the app and by email (unless the
 * caller's own email already tells them: `notify: false`). Returns how many were lifted.
 */
export async function liftStatements(
  tx: Transaction,
  admin: Actor,
  input: { restriction: RestrictionKind | RestrictionKind[]; subjectId: string; reason: string; notify?: boolean },
): Promise<number> {
  const kinds = Array.isArray(input.restriction) ? input.restriction : [input.restriction];
  const now = new Date();
  const lifted = await tx
    .update(statementsOfReasons)
    .set({ reversedAt: now, reversal: "reinstated" })
    .where(and(inArray(statementsOfReasons.restriction, kinds), eq(statementsOfReasons.subjectId, input.subjectId), isNull(statementsOfReasons.reversedAt)))
    .returning();
  for (const statement of lifted) {
    await recordAudit(tx, {
      actor: admin,
      action: "statement.reversed",
      subjectType: "statement_of_reasons",
      subjectId: statement.id,
      fromStatus: "standing",
      toStatus: "reversed",
      reason: input.reason,
      data: { reversal: "reinstated", restriction: statement.restriction },
    });
    if (!statement.userId || input.notify === false) continue;
    const [person] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, statement.userId));
    if (person) {
      await notifyModeration(tx, person.email, person.locale, "restriction_lifted", statement.id, { outcome: statement.restriction, note: input.reason, path: `/decisions/${statement.id}` });
    }
  }
  return lifted.length;
}

export interface DecisionView {
  statement: StatementOfReasons;
  complaint: typeof decisionComplaints.$inferSelect | null;
  canComplain: boolean;
}

export function hashDecisionKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Whether the viewer is the person the statement concerns: signed in as them, or holding the emailed key. */
export function concernsViewer(statement: StatementOfReasons, actor: Actor | null, key: string | undefined): boolean {
  if (actor && statement.userId === actor.id) return true;
  return keyMatches(key, statement.accessKeyHash);
}

/** Whether an emailed secret key matches its stored hash (constant time). */
export function keyMatches(key: string | undefined, storedHash: string | null): boolean {
  if (!key || !storedHash) return false;
  const given = Buffer.from(hashDecisionKey(key));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** A new secret key for an emailed link, and the hash stored in its place. */
export function newAccessKey(): { key: string; hash: string } {
  const key = randomBytes(24).toString("base64url");
  return { key, hash: hashDecisionKey(key) };
}

/** A statement of reasons, for the person it concerns (account or emailed key) or an admin; null for anyone else. */
export async function getDecisionForViewer(
  executor: Executor,
  actor: Actor | null,
  id: string,
  key?: string,
  now = new Date(),
): Promise<DecisionView | null> {
  const [row] = await executor
    .select({ statement: statementsOfReasons, complaint: decisionComplaints })
    .from(statementsOfReasons)
    .leftJoin(decisionComplaints, eq(decisionComplaints.statementId, statementsOfReasons.id))
    .where(eq(statementsOfReasons.id, id));
  // Anonymised after its retention period: nothing left to show anyone.
  if (!row || row.statement.anonymisedAt) return null;
  const own = concernsViewer(row.statement, actor, key);
  if (!own && !isAdmin(actor)) return null;
  const canComplain = own && !row.complaint && !row.statement.reversedAt && now < complaintDeadline(row.statement.createdAt);
  return { statement: row.statement, complaint: row.complaint, canComplain };
}

/** The decision page's read: `getDecisionForViewer` on the app's database. */
export function readDecision(actor: Actor | null, id: string, key: string | undefined) {
  return getDecisionForViewer(db, actor, id, key);
}
