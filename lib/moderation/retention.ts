import "server-only";
import { and, inArray, isNull, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { contentReports, reportComplaints } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { scrubAuditRows } from "@/lib/audit/scrub";

export const ANONYMISE_REPORTS_TASK = "anonymise_old_reports";

/** Reports are kept 5 years after their decision (privacy policy v2, section 10). */
export const REPORT_RETENTION_YEARS = 5;

/** Stands for the reported content once the report is anonymised: the row no longer points at anyone's content. */
export const NO_TARGET = "00000000-0000-0000-0000-000000000000";

export function reportRetentionCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - REPORT_RETENTION_YEARS);
  return cutoff;
}

/**
 * Worker, daily: reports decided more than 5 years ago lose everything personal (the reporter,
 * the explanation and place, the reported content's id, the admin and the reasons, the emailed
 * key), and so do their reporters' complaints (text, answer, complainant, admin) and the report's
 * audit rows (who acted, the reasons and complaints typed). What the transparency report counts
 * stays: the content type, the reason, the outcome, the dates, the complaints' outcomes. Returns
 * how many reports were anonymised.
 */
export async function anonymiseOldReports(now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const expired = and(lt(contentReports.decidedAt, reportRetentionCutoff(now)), isNull(contentReports.anonymisedAt));
    const ids = (await tx.select({ id: contentReports.id }).from(contentReports).where(expired).for("update")).map((row) => row.id);
    if (ids.length === 0) return 0;
    await tx
      .update(reportComplaints)
      .set({ body: "", answer: sql`case when ${reportComplaints.answer} is null then null else '' end`, complainantId: null, decidedById: null })
      .where(inArray(reportComplaints.reportId, ids));
    await tx
      .update(contentReports)
      .set({
        targetId: NO_TARGET,
        explanation: "",
        location: "",
        reporterId: null,
        reporterName: null,
        reporterEmail: null,
        decidedById: null,
        decisionNote: null,
        reporterKeyHash: null,
        anonymisedAt: now,
      })
      .where(inArray(contentReports.id, ids));
    await scrubAuditRows(tx, "content_report", ids, "report.anonymised");
    for (const id of ids) {
      await recordAudit(tx, { actorId: null, action: "report.anonymised", subjectType: "content_report", subjectId: id, data: { retentionYears: REPORT_RETENTION_YEARS } });
    }
    return ids.length;
  });
}
