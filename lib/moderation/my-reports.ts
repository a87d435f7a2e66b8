import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { contentReports, reportComplaints, type ContentReport, type ReportComplaint } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/policy";

export interface MyReport {
  id: string;
  targetType: ContentReport["targetType"];
  reason: ContentReport["reason"];
  status: ContentReport["status"];
  createdAt: Date;
  decidedAt: Date | null;
  /** The reporter's complaint against the decision, if any: its state. */
  complaintStatus: ReportComplaint["status"] | null;
}

/**
 * "Mes signalements": the reports the signed-in person made while signed in, newest first, with
 * their state (each links to its page, /reports/[id]). Only their own, whatever their role (an
 * admin sees theirs here, everyone's in /admin/reports); anonymised ones are gone. No explanation
 * or reported content here: the report's page shows them to its reporter.
 */
export async function listMyReports(executor: Executor, actor: Actor | null): Promise<MyReport[]> {
  const user = requireUser(actor);
  return executor
    .select({
      id: contentReports.id,
      targetType: contentReports.targetType,
      reason: contentReports.reason,
      status: contentReports.status,
      createdAt: contentReports.createdAt,
      decidedAt: contentReports.decidedAt,
      complaintStatus: reportComplaints.status,
    })
    .from(contentReports)
    .leftJoin(reportComplaints, eq(reportComplaints.reportId, contentReports.id))
    .where(and(eq(contentReports.reporterId, user.id), isNull(contentReports.anonymisedAt)))
    .orderBy(desc(contentReports.createdAt), desc(contentReports.id))
    .limit(200);
}

/** The page's read: `listMyReports` on the app's database. */
export function readMyReports(actor: Actor | null): Promise<MyReport[]> {
  return listMyReports(db, actor);
}
