import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, contentReports, reportComplaints } from "@/db/schema";
import { fileReportComplaint, getReportForReporter } from "@/lib/moderation/report-complaints";
import { decideReport, submitReport } from "@/lib/moderation/reports";
import { anonymiseOldReports } from "@/lib/moderation/retention";
import { transparencyReport } from "@/lib/moderation/transparency";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";

/** A report from `reporter` about a fresh need, kept by an admin, contested by the reporter. */
async function decidedReport(reporter: Awaited<ReturnType<typeof makeUser>>, title: string) {
  const client = await makeUser("client");
  await makeOrganization(client);
  const jobId = await makeJob(client, { title });
  const submitted = await submitReport(
    reporter,
    { targetType: "job", targetId: jobId, reason: "fraud", explanation: "Paiement d'avance demandé par virement hors plateforme.", location: `/jobs/${jobId}#contact`, name: "", email: "", goodFaith: true },
    { ip: null, locale: "fr" },
  );
  if (!submitted.ok) throw new Error(submitted.error);
  const { reportId } = submitted.value;
  await decideReport(await makeUser("admin"), { reportId, outcome: "kept", note: "Rien d'illicite : acompte prévu au contrat." });
  const filed = await fileReportComplaint(reporter, { reportId, body: "Je maintiens que ce virement direct est une escroquerie." });
  if (!filed.ok) throw new Error(filed.error);
  const [row] = await db.select().from(contentReports).where(eq(contentReports.id, reportId));
  return { reportId, jobId, decidedAt: row!.decidedAt! };
}

function yearsAfter(date: Date, years: number, plusMs = 0): Date {
  const later = new Date(date);
  later.setUTCFullYear(later.getUTCFullYear() + years);
  return new Date(later.getTime() + plusMs);
}

describe("reports are kept 5 years after their decision (privacy policy v2)", () => {
  it("the daily task anonymises reports decided more than 5 years ago and their complaints, keeping the transparency counts", async () => {
    const reporter = await makeUser("expert");
    const old = await decidedReport(reporter, "Installer Nextcloud retention-old");
    const recent = await decidedReport(reporter, "Installer Nextcloud retention-recent");
    // The old one was decided two days before the recent one: the clock below falls between their 5 years.
    const oldDecidedAt = new Date(recent.decidedAt.getTime() - 2 * 24 * 3600 * 1000);
    await db.update(contentReports).set({ decidedAt: oldDecidedAt }).where(eq(contentReports.id, old.reportId));
    const year = new Date().getFullYear();
    const countsBefore = await transparencyReport(db, year);

    // Just before 5 years: nothing goes.
    expect(await anonymiseOldReports(yearsAfter(oldDecidedAt, 5, -1000))).toBe(0);

    const clock = yearsAfter(oldDecidedAt, 5, 3600 * 1000);
    expect(await anonymiseOldReports(clock)).toBe(1);
    // Once only.
    expect(await anonymiseOldReports(clock)).toBe(0);

    const [gone] = await db.select().from(contentReports).where(eq(contentReports.id, old.reportId));
    expect(gone).toMatchObject({
      targetType: "job",
      targetId: "00000000-0000-0000-0000-000000000000",
      reason: "fraud",
      status: "kept",
      explanation: "",
      location: "",
      reporterId: null,
      reporterName: null,
      reporterEmail: null,
      decidedById: null,
      decisionNote: null,
      reporterKeyHash: null,
      anonymisedAt: clock,
    });
    expect(gone!.decidedAt).toEqual(oldDecidedAt);
    const [oldComplaint] = await db.select().from(reportComplaints).where(eq(reportComplaints.reportId, old.reportId));
    expect(oldComplaint).toMatchObject({ body: "", answer: null, complainantId: null, status: "open" });
    // The reporter no longer reads it.
    expect(await getReportForReporter(db, reporter, old.reportId)).toBeNull();

    // The recent one is untouched.
    const [kept] = await db.select().from(contentReports).where(eq(contentReports.id, recent.reportId));
    expect(kept).toMatchObject({ targetId: recent.jobId, reporterEmail: reporter.email, anonymisedAt: null });
    const [recentComplaint] = await db.select().from(reportComplaints).where(eq(reportComplaints.reportId, recent.reportId));
    expect(recentComplaint?.complainantId).toBe(reporter.id);

    // The transparency report of the year counts the same.
    const countsAfter = await transparencyReport(db, year);
    expect(countsAfter.reportsByType).toEqual(countsBefore.reportsByType);
    expect(countsAfter.decisionsByOutcome).toEqual(countsBefore.decisionsByOutcome);
    expect(countsAfter.medianHoursToDecide).toEqual(countsBefore.medianHoursToDecide);
    expect(countsAfter.reporterComplaints).toEqual(countsBefore.reporterComplaints);
    expect(countsAfter.reporterComplaints).toEqual([{ key: "open", count: 2 }]);

    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "report.anonymised"));
    expect(audit.map((row) => row.subjectId)).toEqual([old.reportId]);

    // The old report's audit rows keep what happened, no longer who (the reporter's complaint was theirs) nor why.
    const oldAudit = await db.select().from(auditLog).where(and(eq(auditLog.subjectType, "content_report"), eq(auditLog.subjectId, old.reportId)));
    expect(oldAudit.map((row) => row.action).sort()).toEqual(["report.anonymised", "report.decided", "report_complaint.filed"]);
    for (const row of oldAudit) expect(row).toMatchObject({ actorId: null, reason: null });
    expect(oldAudit.find((row) => row.action === "report.decided")).toMatchObject({ fromStatus: "open", toStatus: "kept", data: null });
    const recentAudit = await db.select().from(auditLog).where(and(eq(auditLog.action, "report_complaint.filed"), eq(auditLog.subjectId, recent.reportId)));
    expect(recentAudit[0]).toMatchObject({ actorId: reporter.id, reason: "Je maintiens que ce virement direct est une escroquerie." });
  });
});
