import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, contentReports, emailOutbox, reportComplaints, statementsOfReasons } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { decideReportComplaint, fileReportComplaint, getReportForReporter } from "@/lib/moderation/report-complaints";
import { decideReport, submitReport } from "@/lib/moderation/reports";
import { transparencyCsv, transparencyReport } from "@/lib/moderation/transparency";
import { hiddenByModeration } from "@/lib/moderation/visibility";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";

let sequence = 0;

/** A published need, reported by `reporter` (an anonymous visitor when null, under a fresh address), kept by `admin`. */
async function keptReport(admin: Awaited<ReturnType<typeof makeUser>>, reporter: Awaited<ReturnType<typeof makeUser>> | null = null) {
  const client = await makeUser("client");
  await makeOrganization(client);
  sequence += 1;
  const jobId = await makeJob(client, { title: `Installer Odoo reportcomplaint${sequence}` });
  const email = reporter?.email ?? `notifier${sequence}.${Date.now()}@example.test`;
  const submitted = await submitReport(
    reporter,
    {
      targetType: "job",
      targetId: jobId,
      reason: "fraud",
      explanation: "Cette annonce demande un paiement d'avance par virement hors plateforme.",
      location: `/jobs/${jobId}`,
      name: "Rita Reporter",
      email,
      goodFaith: true,
    },
    { ip: null, locale: "fr" },
  );
  if (!submitted.ok) throw new Error(submitted.error);
  const { reportId } = submitted.value;
  expect(await decideReport(admin, { reportId, outcome: "kept", note: "Rien d'illicite dans cette annonce." })).toEqual({ ok: true, value: { statementId: null } });
  return { client, jobId, reportId, email };
}

/** The key in the link of the decision emailed to the reporter. */
async function reporterKey(to: string): Promise<string> {
  const mails = await db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, "moderation-event")));
  const href = mails.flatMap((mail) => [...mail.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"))).find((h) => h.includes("/reports/"));
  if (!href) throw new Error("no link to the report in the decision email");
  return new URL(href).searchParams.get("key") ?? "";
}

const body = "L'annonce demande bien un virement direct avant tout travail, contraire aux conditions.";

describe("a reporter contests the decision on their report (DSA art. 20)", () => {
  it("an anonymous reporter contests a kept decision through the emailed link; another admin reverses it: the content is removed with a statement to its author", async () => {
    const [first, second] = [await makeUser("admin"), await makeUser("admin")];
    const { client, jobId, reportId, email } = await keptReport(first);
    const decisionMail = (await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))).find((m) => m.subject.includes("Décision"));
    expect(decisionMail?.text).toContain("contester cette décision gratuitement dans les six mois");
    const key = await reporterKey(email);
    expect(key.length).toBeGreaterThanOrEqual(32);

    // Only the reporter (by key) or an admin reads it; the author of the content, another person, a wrong key do not.
    expect(await getReportForReporter(db, null, reportId, key)).toMatchObject({ canComplain: true, own: true });
    expect(await getReportForReporter(db, null, reportId, "wrong")).toBeNull();
    expect(await getReportForReporter(db, null, reportId)).toBeNull();
    expect(await getReportForReporter(db, client, reportId)).toBeNull();
    expect(await getReportForReporter(db, first, reportId)).toMatchObject({ canComplain: false, own: false });

    // Refused: no key, a wrong key, the content's author, an explanation too short.
    expect(await fileReportComplaint(null, { reportId, body })).toEqual({ ok: false, error: "not_found" });
    expect(await fileReportComplaint(null, { reportId, key: "wrong", body })).toEqual({ ok: false, error: "not_found" });
    expect(await fileReportComplaint(client, { reportId, body })).toEqual({ ok: false, error: "not_found" });
    expect(await fileReportComplaint(null, { reportId, key, body: "court" })).toMatchObject({ ok: false, error: "invalid", fields: { body: "complaintShort" } });
    expect(await fileReportComplaint(null, { reportId: "nope", key, body })).toMatchObject({ ok: false, error: "invalid", fields: { reportId: "required" } });
    const filed = await fileReportComplaint(null, { reportId, key, body });
    if (!filed.ok) throw new Error(filed.error);
    expect(await fileReportComplaint(null, { reportId, key, body })).toEqual({ ok: false, error: "already" });
    expect((await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))).some((m) => m.subject === "Nous avons reçu votre réclamation sur votre signalement")).toBe(true);

    const answer = { complaintId: filed.value.complaintId, outcome: "reversed" as const, answer: "Le virement direct demandé enfreint l'article 9 des conditions.", newOutcome: "removed" as const, ground: "terms_payment" as const };
    // Only an admin other than the one who decided the report.
    for (const who of [null, client, await makeUser("expert"), { ...(await makeUser("admin")), secondFactor: null }]) {
      await expect(decideReportComplaint(who, answer)).rejects.toThrow(PolicyError);
    }
    expect(await decideReportComplaint(first, answer)).toEqual({ ok: false, error: "same_admin" });
    // A reversal needs the new decision and its ground.
    expect(await decideReportComplaint(second, { ...answer, newOutcome: undefined, ground: undefined })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { newOutcome: "newOutcomeRequired", ground: "groundRequired" },
    });
    expect(await decideReportComplaint(second, { ...answer, answer: "non" })).toMatchObject({ ok: false, fields: { answer: "decisionReason" } });
    expect(await hiddenByModeration(db, null, "job", jobId)).toBe(false);

    const decided = await decideReportComplaint(second, answer);
    if (!decided.ok || !decided.value.statementId) throw new Error("not decided");
    expect(await decideReportComplaint(second, answer)).toEqual({ ok: false, error: "already" });

    // The content is taken down, its author gets the usual statement of reasons.
    expect(await hiddenByModeration(db, null, "job", jobId)).toBe(true);
    expect(await hiddenByModeration(db, client, "job", jobId)).toBe(true);
    const [statement] = await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.id, decided.value.statementId));
    expect(statement).toMatchObject({ userId: client.id, restriction: "content_removed", subjectId: jobId, ground: "terms_payment", decidedById: second.id, reportId });
    expect((await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, client.email))).some((m) => m.subject.includes("Exposé des motifs"))).toBe(true);

    // The reporter gets the reasoned answer; the page shows it.
    const answers = (await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))).filter((m) => m.subject === "Réponse à votre réclamation sur votre signalement");
    expect(answers).toHaveLength(1);
    expect(answers[0]!.text).toContain("Le virement direct demandé enfreint");
    expect(await getReportForReporter(db, null, reportId, key)).toMatchObject({ canComplain: false, complaint: { status: "reversed", newOutcome: "removed", decidedById: second.id } });

    // The audit log and the transparency report record it.
    const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, reportId));
    expect(audit.map((row) => row.action).sort()).toEqual(["report.decided", "report_complaint.decided", "report_complaint.filed"]);
    expect(audit.find((row) => row.action === "report_complaint.decided")).toMatchObject({ actorId: second.id, fromStatus: "kept", toStatus: "removed" });
    const report = await transparencyReport(db, new Date().getFullYear());
    expect(report.reporterComplaints).toContainEqual({ key: "reversed", count: 1 });
    expect(transparencyCsv(report)).toContain("reporter_complaints;reversed;1");
  });

  it("a signed-in reporter contests through their account; an upheld complaint leaves the content up; after six months it is refused", async () => {
    const [first, second] = [await makeUser("admin"), await makeUser("admin")];
    const reporter = await makeUser("expert");
    const { jobId, reportId } = await keptReport(first, reporter);
    expect(await getReportForReporter(db, reporter, reportId)).toMatchObject({ canComplain: true });
    // Another signed-in person is not the reporter.
    expect(await fileReportComplaint(await makeUser("client"), { reportId, body })).toEqual({ ok: false, error: "not_found" });

    const [row] = await db.select().from(contentReports).where(eq(contentReports.id, reportId));
    const lastDay = new Date(row!.decidedAt!);
    lastDay.setUTCMonth(lastDay.getUTCMonth() + 6);
    expect(await fileReportComplaint(reporter, { reportId, body }, lastDay)).toEqual({ ok: false, error: "too_late" });
    expect(await getReportForReporter(db, reporter, reportId, undefined, lastDay)).toMatchObject({ canComplain: false });

    const filed = await fileReportComplaint(reporter, { reportId, body }, new Date(lastDay.getTime() - 60_000));
    if (!filed.ok) throw new Error(filed.error);
    const [complaint] = await db.select().from(reportComplaints).where(eq(reportComplaints.id, filed.value.complaintId));
    expect(complaint).toMatchObject({ complainantId: reporter.id, status: "open" });

    expect(await decideReportComplaint(second, { complaintId: filed.value.complaintId, outcome: "upheld", answer: "L'acompte demandé passe par la plateforme : rien d'illicite." })).toEqual({
      ok: true,
      value: { statementId: null },
    });
    expect(await hiddenByModeration(db, null, "job", jobId)).toBe(false);
    expect(await getReportForReporter(db, reporter, reportId)).toMatchObject({ complaint: { status: "upheld", newOutcome: null } });
  });

  it("a report not decided yet cannot be contested; a reversal must change the decision", async () => {
    const [first, second] = [await makeUser("admin"), await makeUser("admin")];
    const reporter = await makeUser("client");
    const client = await makeUser("client");
    await makeOrganization(client);
    const jobId = await makeJob(client, { title: "Installer Dolibarr reportcomplaint-open" });
    const submitted = await submitReport(
      reporter,
      { targetType: "job", targetId: jobId, reason: "terms_breach", explanation: "Coordonnées personnelles pour traiter hors plateforme.", location: `/jobs/${jobId}`, name: "", email: "", goodFaith: true },
      { ip: null, locale: "fr" },
    );
    if (!submitted.ok) throw new Error(submitted.error);
    const { reportId } = submitted.value;
    expect(await fileReportComplaint(reporter, { reportId, body })).toEqual({ ok: false, error: "not_decided" });

    expect((await decideReport(first, { reportId, outcome: "restricted", note: "Coordonnées visibles des seules personnes connectées.", ground: "terms_conduct" })).ok).toBe(true);
    const filed = await fileReportComplaint(reporter, { reportId, body });
    if (!filed.ok) throw new Error(filed.error);
    const same = { complaintId: filed.value.complaintId, outcome: "reversed" as const, answer: "La restriction est maintenue telle quelle.", newOutcome: "restricted" as const, ground: "terms_conduct" as const };
    expect(await decideReportComplaint(second, same)).toEqual({ ok: false, error: "invalid", fields: { newOutcome: "outcomeUnchanged" } });
    expect((await decideReportComplaint(second, { ...same, newOutcome: "removed", answer: "Les coordonnées sont retirées : contournement de la plateforme." })).ok).toBe(true);
    expect(await hiddenByModeration(db, reporter, "job", jobId)).toBe(true);
  });
});
