import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, contentReports, emailOutbox, statementsOfReasons } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { jobFiltersSchema, searchJobs } from "@/lib/jobs/queries";
import { decideReport, submitReport } from "@/lib/moderation/reports";
import { REPORT_LIMIT_PER_EMAIL } from "@/lib/moderation/rules";
import { hiddenByModeration } from "@/lib/moderation/visibility";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";

async function emailsTo(to: string) {
  return db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(emailOutbox.createdAt);
}

let jobSequence = 0;

/** A published need with a word of its own in the title, to find it on the board. */
async function publishedJob() {
  const client = await makeUser("client");
  await makeOrganization(client);
  jobSequence += 1;
  const word = `moderationtest${jobSequence}x${Date.now()}`;
  return { client, word, jobId: await makeJob(client, { title: `Installer Nextcloud ${word}` }) };
}

async function onBoard(word: string): Promise<number> {
  return (await searchJobs(jobFiltersSchema.parse({ q: word }))).jobs.length;
}

const notice = (jobId: string, email = "rita@example.test") => ({
  targetType: "job" as const,
  targetId: jobId,
  reason: "fraud" as const,
  explanation: "Cette annonce demande un paiement d'avance par virement hors plateforme.",
  location: `/jobs/${jobId}`,
  name: "Rita Reporter",
  email,
  goodFaith: true as const,
});

describe("notice and action (DSA art. 16)", () => {
  it("a visitor reports a need: acknowledged; an admin removes it: the author gets a statement, the reporter the outcome", async () => {
    const admin = await makeUser("admin");
    const { client, jobId, word } = await publishedJob();
    expect(await onBoard(word)).toBe(1);
    const submitted = await submitReport(null, notice(jobId, " Rita@Example.test "), { ip: "203.0.113.20", locale: "en" });
    if (!submitted.ok) throw new Error(submitted.error);
    const [ack] = await emailsTo("rita@example.test");
    expect([ack?.template, ack?.locale]).toEqual(["moderation-event", "en"]);

    const decided = await decideReport(admin, { reportId: submitted.value.reportId, outcome: "removed", note: "Demande de paiement hors plateforme avérée.", ground: "terms_payment" });
    if (!decided.ok) throw new Error(decided.error);
    const [statement] = await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.id, decided.value.statementId!));
    expect(statement).toMatchObject({ userId: client.id, restriction: "content_removed", subjectType: "job", subjectId: jobId, ground: "terms_payment", automated: false, decidedById: admin.id });
    const [toAuthor] = await emailsTo(client.email);
    expect(toAuthor?.html).toContain(`/decisions/${statement!.id}?key=`);
    const [, outcome] = await emailsTo("rita@example.test");
    expect(outcome?.text).toContain("Demande de paiement hors plateforme avérée.");

    expect(await hiddenByModeration(db, null, "job", jobId)).toBe(true);
    expect(await hiddenByModeration(db, client, "job", jobId)).toBe(true);
    expect(await onBoard(word)).toBe(0);
    expect(await hiddenByModeration(db, admin, "job", jobId)).toBe(false);
    expect(await decideReport(admin, { reportId: submitted.value.reportId, outcome: "kept", note: "Deuxième décision refusée." })).toEqual({ ok: false, error: "already" });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, submitted.value.reportId), eq(auditLog.action, "report.decided")));
    expect(audit).toHaveLength(1);
  });

  it("kept: no statement, content stays visible; restricted: only signed-in people see it", async () => {
    const admin = await makeUser("admin");
    const { jobId, word } = await publishedJob();
    const first = await submitReport(null, notice(jobId), { ip: null, locale: "fr" });
    if (!first.ok) throw new Error(first.error);
    expect(await decideReport(admin, { reportId: first.value.reportId, outcome: "kept", note: "Rien d'illicite dans cette annonce." })).toEqual({ ok: true, value: { statementId: null } });
    expect(await hiddenByModeration(db, null, "job", jobId)).toBe(false);
    expect(await onBoard(word)).toBe(1);
    const second = await submitReport(null, notice(jobId, "other@example.test"), { ip: null, locale: "fr" });
    if (!second.ok) throw new Error(second.error);
    const restricted = await decideReport(admin, { reportId: second.value.reportId, outcome: "restricted", note: "Coordonnées personnelles publiées.", ground: "law_personal_data" });
    expect(restricted.ok).toBe(true);
    expect(await hiddenByModeration(db, null, "job", jobId)).toBe(true);
    expect(await hiddenByModeration(db, await makeUser("expert"), "job", jobId)).toBe(false);
  });

  it("refuses bad input with field errors: reason, short explanation, good faith, identity unless CSAM", async () => {
    const { jobId } = await publishedJob();
    const bad = await submitReport(null, { ...notice(jobId), reason: "" as never, explanation: "court", name: "", email: "", goodFaith: false as never }, { ip: null, locale: "fr" });
    expect(bad).toMatchObject({ ok: false, error: "invalid", fields: { reason: "reportReasonRequired", explanation: "reportExplanationShort", goodFaith: "reportGoodFaithRequired" } });
    const noIdentity = await submitReport(null, { ...notice(jobId), name: "", email: "" }, { ip: null, locale: "fr" });
    expect(noIdentity).toMatchObject({ ok: false, fields: { name: "nameLength", email: "emailRequired" } });
    const csam = await submitReport(null, { ...notice(jobId), reason: "csam", name: "", email: "" }, { ip: null, locale: "fr" });
    expect(csam.ok).toBe(true);
    const [row] = await db.select().from(contentReports).where(eq(contentReports.id, csam.ok ? csam.value.reportId : ""));
    expect([row?.reporterName, row?.reporterEmail]).toEqual([null, null]);
    expect(await submitReport(null, { ...notice(jobId), targetId: "00000000-0000-4000-8000-000000000000" }, { ip: null, locale: "fr" })).toEqual({ ok: false, error: "not_found" });
  });

  it("is rate-limited per address (and per IP)", async () => {
    const { jobId } = await publishedJob();
    for (let i = 0; i < REPORT_LIMIT_PER_EMAIL; i++) {
      expect((await submitReport(null, notice(jobId, "flood@example.test"), { ip: null, locale: "fr" })).ok).toBe(true);
    }
    expect(await submitReport(null, notice(jobId, "flood@example.test"), { ip: null, locale: "fr" })).toEqual({ ok: false, error: "rate_limited" });
  });

  it("only an admin decides", async () => {
    const { jobId } = await publishedJob();
    const submitted = await submitReport(null, notice(jobId), { ip: null, locale: "fr" });
    if (!submitted.ok) throw new Error(submitted.error);
    const input = { reportId: submitted.value.reportId, outcome: "kept" as const, note: "Rien à signaler ici." };
    await expect(decideReport(null, input)).rejects.toThrow(PolicyError);
    await expect(decideReport(await makeUser("client"), input)).rejects.toThrow(PolicyError);
    await expect(decideReport(await makeUser("expert"), input)).rejects.toThrow(PolicyError);
    expect(await decideReport(await makeUser("admin"), { ...input, outcome: "removed" })).toMatchObject({ ok: false, fields: { ground: "groundRequired" } });
  });
});
