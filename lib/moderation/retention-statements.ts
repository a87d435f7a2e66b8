import "server-only";
import { inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { decisionComplaints, statementsOfReasons } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { scrubAuditRows } from "@/lib/audit/scrub";
import { NO_TARGET, REPORT_RETENTION_YEARS, reportRetentionCutoff } from "./retention";

/**
 * Worker, daily (with the reports): statements of reasons whose last decision is more than 5
 * years old (privacy policy v2, section 10) lose everything personal: the person, the restricted
 * content, account or payout, the facts, the admin, the emailed key, the link to the report; so do
 * their complaints (text, answer, complainant, admin) and their audit rows (who acted, the facts,
 * complaints and answers typed). The last decision is the latest of the statement itself, its
 * reversal and its complaint's answer; a statement whose complaint is still open is kept. What the
 * transparency report counts stays: the kind of restriction, the ground, the dates, the reversal,
 * the complaints' outcomes. Returns how many statements were anonymised.
 */
export async function anonymiseOldStatements(now = new Date()): Promise<number> {
  const cutoff = reportRetentionCutoff(now);
  return db.transaction(async (tx) => {
    const expired = await tx.execute<{ id: string }>(sql`
      select s.id from statements_of_reasons s
      left join decision_complaints c on c.statement_id = s.id
      where s.anonymised_at is null
        and (c.id is null or c.status <> 'open')
        and greatest(s.created_at, s.reversed_at, c.decided_at) < ${cutoff.toISOString()}
      for update of s`);
    const ids = [...expired].map((row) => row.id);
    if (ids.length === 0) return 0;
    await tx
      .update(decisionComplaints)
      .set({ body: "", answer: sql`case when ${decisionComplaints.answer} is null then null else '' end`, complainantId: null, decidedById: null })
      .where(inArray(decisionComplaints.statementId, ids));
    await tx
      .update(statementsOfReasons)
      .set({ userId: null, subjectId: NO_TARGET, facts: "", decidedById: null, reportId: null, accessKeyHash: null, anonymisedAt: now })
      .where(inArray(statementsOfReasons.id, ids));
    await scrubAuditRows(tx, "statement_of_reasons", ids, "statement.anonymised");
    for (const id of ids) {
      await recordAudit(tx, { actorId: null, action: "statement.anonymised", subjectType: "statement_of_reasons", subjectId: id, data: { retentionYears: REPORT_RETENTION_YEARS } });
    }
    return ids.length;
  });
}
