import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, decisionComplaints, statementsOfReasons } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { decideComplaint, fileComplaint } from "@/lib/moderation/complaints";
import { decideReport, submitReport } from "@/lib/moderation/reports";
import { anonymiseOldStatements } from "@/lib/moderation/retention-statements";
import { getDecisionForViewer } from "@/lib/moderation/statements";
import { transparencyCsv, transparencyReport } from "@/lib/moderation/transparency";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";

const DAY = 24 * 3600 * 1000;

/** A need of a fresh client, reported and removed by `admin`: the statement of reasons its author gets. */
async function removedNeed(admin: Actor, title: string) {
  const client = await makeUser("client");
  await makeOrganization(client);
  const jobId = await makeJob(client, { title });
  const submitted = await submitReport(
    null,
    { targetType: "job", targetId: jobId, reason: "fraud", explanation: "Paiement d'avance demandé hors plateforme.", location: `/jobs/${jobId}`, name: "Rita Reporter", email: "rita@example.test", goodFaith: true },
    { ip: null, locale: "fr" },
  );
  if (!submitted.ok) throw new Error(submitted.error);
  const decided = await decideReport(admin, { reportId: submitted.value.reportId, outcome: "removed", note: "Paiement hors plateforme : retiré.", ground: "terms_payment" });
  if (!decided.ok || !decided.value.statementId) throw new Error("report not decided");
  return { client, jobId, statementId: decided.value.statementId };
}

async function contest(client: Actor, statementId: string): Promise<string> {
  const filed = await fileComplaint(client, { statementId, body: "Je conteste : l'acompte était prévu dans le devis signé." });
  if (!filed.ok) throw new Error(filed.error);
  return filed.value.complaintId;
}

function yearsAfter(date: Date, years: number, plusMs = 0): Date {
  const later = new Date(date);
  later.setUTCFullYear(later.getUTCFullYear() + years);
  return new Date(later.getTime() + plusMs);
}

async function transparencyOf(years: number[]) {
  const reports = await Promise.all(years.map((year) => transparencyReport(db, year)));
  return { reports, csv: reports.map(transparencyCsv) };
}

describe("statements of reasons are kept 5 years after the last decision on them (privacy policy v2, section 10)", () => {
  it("anonymises the statement, its complaint and its audit rows once 5 years passed since the complaint's answer, keeping the transparency counts", async () => {
    const first = await makeUser("admin");
    const second = await makeUser("admin");
    const old = await removedNeed(first, "Installer Odoo statement-old");
    const oldComplaint = await contest(old.client, old.statementId);
    const answered = await decideComplaint(second, { complaintId: oldComplaint, outcome: "upheld", answer: "Le devis ne prévoit aucun acompte hors plateforme." });
    expect(answered.ok).toBe(true);
    const pending = await removedNeed(first, "Installer Odoo statement-pending");
    await contest(pending.client, pending.statementId);
    const recent = await removedNeed(first, "Installer Odoo statement-recent");

    // The old statement was issued three days before the recent one and its complaint answered two days before.
    const [recentRow] = await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.id, recent.statementId));
    const issuedAt = new Date(recentRow!.createdAt.getTime() - 3 * DAY);
    const answeredAt = new Date(recentRow!.createdAt.getTime() - 2 * DAY);
    await db.update(statementsOfReasons).set({ createdAt: issuedAt }).where(inArray(statementsOfReasons.id, [old.statementId, pending.statementId]));
    await db.update(decisionComplaints).set({ decidedAt: answeredAt }).where(eq(decisionComplaints.id, oldComplaint));
    const years = [...new Set([issuedAt, answeredAt, recentRow!.createdAt].map((date) => date.getFullYear()))];
    const before = await transparencyOf(years);
    expect(before.reports.flatMap((report) => report.complaints)).toContainEqual({ key: "upheld", count: 1 });

    // 5 years after the statement but not after the complaint's answer: nothing goes.
    expect(await anonymiseOldStatements(yearsAfter(issuedAt, 5, DAY / 2))).toBe(0);
    expect(await anonymiseOldStatements(yearsAfter(answeredAt, 5, -1000))).toBe(0);

    const clock = yearsAfter(answeredAt, 5, 3600 * 1000);
    expect(await anonymiseOldStatements(clock)).toBe(1);
    expect(await anonymiseOldStatements(clock)).toBe(0);

    const [gone] = await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.id, old.statementId));
    expect(gone).toMatchObject({
      userId: null,
      restriction: "content_removed",
      subjectType: "job",
      subjectId: "00000000-0000-0000-0000-000000000000",
      facts: "",
      ground: "terms_payment",
      decidedById: null,
      reportId: null,
      accessKeyHash: null,
      anonymisedAt: clock,
      createdAt: issuedAt,
    });
    const [goneComplaint] = await db.select().from(decisionComplaints).where(eq(decisionComplaints.id, oldComplaint));
    expect(goneComplaint).toMatchObject({ body: "", answer: "", complainantId: null, decidedById: null, status: "upheld", decidedAt: answeredAt });

    // Its audit rows say what happened and when, no longer who nor why.
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subjectType, "statement_of_reasons"), eq(auditLog.subjectId, old.statementId)));
    expect(audit.map((row) => row.action).sort()).toEqual(["complaint.decided", "complaint.filed", "statement.anonymised", "statement.issued"]);
    for (const row of audit.filter((row) => row.action !== "statement.anonymised")) {
      expect(row).toMatchObject({ actorId: null, reason: null, data: null });
    }
    expect(audit.find((row) => row.action === "complaint.decided")).toMatchObject({ fromStatus: "open", toStatus: "upheld" });
    expect(audit.find((row) => row.action === "statement.anonymised")?.data).toEqual({ retentionYears: 5 });

    // Nobody reads it any more, not even an admin.
    expect(await getDecisionForViewer(db, old.client, old.statementId)).toBeNull();
    expect(await getDecisionForViewer(db, first, old.statementId)).toBeNull();

    // The one with a complaint still open and the recent one are untouched, audit rows included.
    for (const kept of [pending, recent]) {
      const [row] = await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.id, kept.statementId));
      expect(row).toMatchObject({ userId: kept.client.id, subjectId: kept.jobId, facts: "Paiement hors plateforme : retiré.", anonymisedAt: null });
      const [issued] = await db.select().from(auditLog).where(and(eq(auditLog.action, "statement.issued"), eq(auditLog.subjectId, kept.statementId)));
      expect(issued).toMatchObject({ actorId: first.id, reason: "Paiement hors plateforme : retiré." });
    }
    const [pendingComplaint] = await db.select().from(decisionComplaints).where(eq(decisionComplaints.statementId, pending.statementId));
    expect(pendingComplaint?.complainantId).toBe(pending.client.id);

    // The transparency report (its page and its CSV) shows the same figures.
    expect(await transparencyOf(years)).toEqual(before);
  });
});
