import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { db, type Executor } from "@/db/client";
import { contentReports, reportComplaints, type ContentReport, type ReportComplaint } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin, requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import { fail, ok, type Result } from "@/lib/result";
import { notifyModeration } from "./notify";
import { restrictReportedContent } from "./reports";
import { complaintDeadline } from "./rules";
import { reportComplaintDecisionSchema, reportComplaintSchema } from "./schemas";
import { keyMatches } from "./statements";

/** Whether the viewer sent the report: signed in as its reporter, or holding the key emailed with the decision. */
function isReporter(report: ContentReport, actor: Actor | null, key: string | undefined): boolean {
  if (actor && report.reporterId === actor.id) return true;
  return keyMatches(key, report.reporterKeyHash);
}

/**
 * The reporter contests the decision on their report (DSA art. 20 covers notifiers): free, once,
 * within six months of the decision, whatever it was; signed in or through the emailed link
 * (a reporter may be an anonymous visitor).
 */
export async function fileReportComplaint(
  actor: Actor | null,
  input: { reportId: string; key?: string; body: string },
  now = new Date(),
): Promise<Result<{ complaintId: string }, "invalid" | "not_found" | "not_decided" | "already" | "too_late">> {
  const parsed = reportComplaintSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  return db.transaction(async (tx) => {
    const [report] = await tx.select().from(contentReports).where(eq(contentReports.id, parsed.data.reportId)).for("update");
    if (!report || report.anonymisedAt || !isReporter(report, actor, input.key)) return fail("not_found");
    if (report.status === "open" || !report.decidedAt) return fail("not_decided");
    if (now >= complaintDeadline(report.decidedAt)) return fail("too_late");
    const [complaint] = await tx
      .insert(reportComplaints)
      .values({ reportId: report.id, complainantId: report.reporterId, body: parsed.data.body, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: reportComplaints.id });
    if (!complaint) return fail("already");
    await recordAudit(tx, { actorId: report.reporterId, action: "report_complaint.filed", subjectType: "content_report", subjectId: report.id, toStatus: "open", reason: parsed.data.body });
    if (report.reporterEmail) await notifyModeration(tx, report.reporterEmail, report.locale, "report_complaint_received", complaint.id);
    return ok({ complaintId: complaint.id });
  });
}

export type ReportComplaintDecisionError = "invalid" | "not_found" | "already" | "same_admin";

/**
 * A second admin answers a reporter's complaint with reasons (never the admin who decided the
 * report, art. 20(6)): the decision stands (`upheld`), or is reversed and the content is then
 * removed or restricted, with the usual statement of reasons to its author. The reporter is
 * emailed the answer.
 */
export async function decideReportComplaint(
  actor: Actor | null,
  input: z.input<typeof reportComplaintDecisionSchema>,
  now = new Date(),
): Promise<Result<{ statementId: string | null }, ReportComplaintDecisionError>> {
  const admin = requireRole(actor, "admin");
  const parsed = reportComplaintDecisionSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { complaintId, outcome, answer, newOutcome, ground } = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ complaint: reportComplaints, report: contentReports })
      .from(reportComplaints)
      .innerJoin(contentReports, eq(contentReports.id, reportComplaints.reportId))
      .where(eq(reportComplaints.id, complaintId))
      .for("update");
    if (!row) return fail("not_found");
    if (row.complaint.status !== "open") return fail("already");
    if (row.report.decidedById === admin.id) return fail("same_admin");
    if (outcome === "reversed" && newOutcome === row.report.status) return fail("invalid", { newOutcome: "outcomeUnchanged" });
    const statementId = outcome === "reversed" && newOutcome && ground ? await restrictReportedContent(tx, admin, row.report, newOutcome, answer, ground) : null;
    await tx
      .update(reportComplaints)
      .set({ status: outcome, answer, newOutcome: outcome === "reversed" ? newOutcome : null, statementId, decidedById: admin.id, decidedAt: now })
      .where(eq(reportComplaints.id, complaintId));
    await recordAudit(tx, {
      actor: admin,
      action: "report_complaint.decided",
      subjectType: "content_report",
      subjectId: row.report.id,
      fromStatus: row.report.status,
      toStatus: outcome === "reversed" ? newOutcome : row.report.status,
      reason: answer,
      data: { complaintId, outcome },
    });
    if (row.report.reporterEmail) {
      await notifyModeration(tx, row.report.reporterEmail, row.report.locale, "report_complaint_decided", complaintId, {
        outcome,
        note: answer,
        path: `/reports/${row.report.id}`,
      });
    }
    return ok({ statementId });
  });
}

export interface ReporterView {
  report: ContentReport;
  complaint: ReportComplaint | null;
  canComplain: boolean;
  /** Whether the viewer is the reporter (an admin reads the page too, without the form). */
  own: boolean;
}

/** A report and its decision, for its reporter (account or emailed key) or an admin; null for anyone else. */
export async function getReportForReporter(executor: Executor, actor: Actor | null, id: string, key?: string, now = new Date()): Promise<ReporterView | null> {
  const [row] = await executor
    .select({ report: contentReports, complaint: reportComplaints })
    .from(contentReports)
    .leftJoin(reportComplaints, eq(reportComplaints.reportId, contentReports.id))
    .where(eq(contentReports.id, id));
  if (!row || row.report.anonymisedAt) return null;
  const own = isReporter(row.report, actor, key);
  if (!own && !isAdmin(actor)) return null;
  const decidedAt = row.report.decidedAt;
  const canComplain = own && !row.complaint && decidedAt !== null && row.report.status !== "open" && now < complaintDeadline(decidedAt);
  return { report: row.report, complaint: row.complaint, canComplain, own };
}

/** The reporter's page's read: `getReportForReporter` on the app's database. */
export function readReportForReporter(actor: Actor | null, id: string, key: string | undefined) {
  return getReportForReporter(db, actor, id, key);
}
