import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { contentReports, decisionComplaints, reportComplaints, statementsOfReasons } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { loadReportedContent } from "./targets";

/** The admins' queue: reports waiting, oldest first, each with the reported content in context. */
export async function listOpenReports(actor: Actor | null) {
  requireRole(actor, "admin");
  const reports = await db.select().from(contentReports).where(eq(contentReports.status, "open")).orderBy(asc(contentReports.createdAt)).limit(100);
  return Promise.all(reports.map(async (report) => ({ report, content: await loadReportedContent(db, report.targetType, report.targetId) })));
}

/** Complaints waiting, oldest first, with the decision they contest. */
export async function listOpenComplaints(actor: Actor | null) {
  requireRole(actor, "admin");
  return db
    .select({ complaint: decisionComplaints, statement: statementsOfReasons })
    .from(decisionComplaints)
    .innerJoin(statementsOfReasons, eq(statementsOfReasons.id, decisionComplaints.statementId))
    .where(eq(decisionComplaints.status, "open"))
    .orderBy(asc(decisionComplaints.createdAt))
    .limit(100);
}

/** Reporters' complaints waiting, oldest first, with the report, its decision and the content in context. */
export async function listOpenReportComplaints(actor: Actor | null) {
  requireRole(actor, "admin");
  const rows = await db
    .select({ complaint: reportComplaints, report: contentReports })
    .from(reportComplaints)
    .innerJoin(contentReports, eq(contentReports.id, reportComplaints.reportId))
    .where(eq(reportComplaints.status, "open"))
    .orderBy(asc(reportComplaints.createdAt))
    .limit(100);
  return Promise.all(rows.map(async (row) => ({ ...row, content: await loadReportedContent(db, row.report.targetType, row.report.targetId) })));
}
