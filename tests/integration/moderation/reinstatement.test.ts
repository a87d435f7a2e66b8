import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, emailOutbox, expertProfiles, statementsOfReasons } from "@/db/schema";
import { reinstateUser, suspendUser } from "@/lib/accounts/suspension";
import { PolicyError } from "@/lib/auth/policy";
import { decideComplaint, fileComplaint } from "@/lib/moderation/complaints";
import { getDecisionForViewer } from "@/lib/moderation/statements";
import { transparencyCsv, transparencyReport } from "@/lib/moderation/transparency";
import { decideVerification } from "@/lib/experts/vetting";
import { jobFiltersSchema, searchJobs } from "@/lib/jobs/queries";
import { liftRestriction } from "@/lib/moderation/lift";
import { decideReport, submitReport } from "@/lib/moderation/reports";
import { makeCompleteExpert } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";

async function statementOf(userId: string) {
  const [row] = await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.userId, userId));
  if (!row) throw new Error("no statement");
  return row;
}

describe("a manual reinstatement reverses the statement of reasons", () => {
  it("an admin reinstates a suspended account: the statement is marked reversed, the person told, the audit log and the transparency report say so", async () => {
    const year = new Date().getFullYear();
    const before = await transparencyReport(db, year);
    const [first, second] = [await makeUser("admin"), await makeUser("admin")];
    const person = await makeUser("client");
    expect((await suspendUser(first, { userId: person.id, reason: "Paiement contesté, à vérifier.", ground: "terms_payment" })).ok).toBe(true);
    const statement = await statementOf(person.id);
    expect(statement.reversedAt).toBeNull();

    // Only an admin reinstates.
    await expect(reinstateUser(person, { userId: person.id, reason: "Je me réintègre moi-même." })).rejects.toThrow(new PolicyError("forbidden"));
    await expect(reinstateUser(null, { userId: person.id, reason: "Personne connectée." })).rejects.toThrow(new PolicyError("unauthenticated"));
    expect((await statementOf(person.id)).reversedAt).toBeNull();

    expect((await reinstateUser(second, { userId: person.id, reason: "Vérifié avec la banque : paiement régulier." })).ok).toBe(true);
    const reversed = await statementOf(person.id);
    expect(reversed).toMatchObject({ reversedAt: expect.any(Date), reversal: "reinstated" });

    // Visible to the person: the decision page's data, and an email with the reasons.
    const view = await getDecisionForViewer(db, person, statement.id);
    expect(view?.statement.reversal).toBe("reinstated");
    expect(view?.canComplain).toBe(false);
    const mails = await db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, person.email), eq(emailOutbox.template, "moderation-event")));
    const lifted = mails.find((mail) => mail.subject === "Une restriction vous concernant a été levée");
    expect(lifted?.text).toContain("Vérifié avec la banque");
    expect(lifted?.text).toContain(`/decisions/${statement.id}`);

    // In the audit log, on the statement itself.
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, statement.id), eq(auditLog.action, "statement.reversed")));
    expect(audit).toEqual([expect.objectContaining({ actorId: second.id, reason: "Vérifié avec la banque : paiement régulier.", toStatus: "reversed" })]);

    // Counted among the year's lifted restrictions.
    const after = await transparencyReport(db, year);
    const count = (report: typeof after) => report.reversals.find((row) => row.key === "account_suspended:reinstated")?.count ?? 0;
    expect(count(after)).toBe(count(before) + 1);
    expect(transparencyCsv(after)).toContain(`restrictions_reversed;account_suspended:reinstated;${count(after)}`);

    // A second suspension gets its own statement; lifting it leaves the first one as it was.
    expect((await suspendUser(first, { userId: person.id, reason: "Nouvelle fraude constatée.", ground: "law_fraud" })).ok).toBe(true);
    const statements = await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.userId, person.id));
    expect(statements.filter((row) => row.reversedAt === null)).toHaveLength(1);
  });

  it("a reversal by a complaint is recorded as such, and a decision already lifted by hand cannot be contested", async () => {
    const [first, second] = [await makeUser("admin"), await makeUser("admin")];
    const person = await makeUser("client");
    await suspendUser(first, { userId: person.id, reason: "Annonces frauduleuses répétées.", ground: "law_fraud" });
    const statement = await statementOf(person.id);
    const filed = await fileComplaint(person, { statementId: statement.id, body: "Je conteste : mon compte avait été piraté, ce n'était pas moi." });
    if (!filed.ok) throw new Error(filed.error);
    expect((await decideComplaint(second, { complaintId: filed.value.complaintId, outcome: "reversed", answer: "Piratage établi, suspension levée." })).ok).toBe(true);
    expect(await statementOf(person.id)).toMatchObject({ reversedAt: expect.any(Date), reversal: "complaint" });

    const other = await makeUser("client");
    await suspendUser(first, { userId: other.id, reason: "Annonces frauduleuses répétées.", ground: "law_fraud" });
    await reinstateUser(first, { userId: other.id, reason: "Erreur de compte : levée immédiate." });
    const lifted = await statementOf(other.id);
    expect(await fileComplaint(other, { statementId: lifted.id, body: "Je conteste quand même cette décision pourtant levée." })).toEqual({ ok: false, error: "reversed" });
  });

  it("an admin lifts any restriction from its statement: removed content is published again, a refused profile goes back to review", async () => {
    const [first, second] = [await makeUser("admin"), await makeUser("admin")];
    const author = await makeUser("client");
    await makeOrganization(author);
    const word = `liftword${Date.now()}`;
    const jobId = await makeJob(author, { title: `Installer Nextcloud ${word}` });
    const onBoard = async () => (await searchJobs(jobFiltersSchema.parse({ q: word }))).jobs.length;
    const reported = await submitReport(
      null,
      { targetType: "job", targetId: jobId, reason: "fraud", explanation: "Cette annonce demande un paiement d'avance hors plateforme.", location: `/jobs/${jobId}`, name: "Rita Reporter", email: "rita.lift@example.test", goodFaith: true },
      { ip: null, locale: "fr" },
    );
    if (!reported.ok) throw new Error(reported.error);
    const decided = await decideReport(first, { reportId: reported.value.reportId, outcome: "removed", note: "Paiement hors plateforme demandé.", ground: "terms_payment" });
    if (!decided.ok) throw new Error(decided.error);
    const statementId = decided.value.statementId!;
    expect(await onBoard()).toBe(0);

    const lift = { statementId, reason: "Vérification faite : acompte prévu au contrat, annonce republiée." };
    for (const who of [author, await makeUser("expert")]) await expect(liftRestriction(who, lift)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(liftRestriction(null, lift)).rejects.toThrow(new PolicyError("unauthenticated"));
    expect(await liftRestriction(second, { statementId, reason: "court" })).toMatchObject({ ok: false, error: "invalid", fields: { reason: "decisionReason" } });
    expect(await liftRestriction(second, { ...lift, statementId: crypto.randomUUID() })).toEqual({ ok: false, error: "not_found" });
    expect(await onBoard()).toBe(0);

    expect(await liftRestriction(second, lift)).toEqual({ ok: true, value: undefined });
    expect(await onBoard()).toBe(1);
    expect((await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.id, statementId)))[0]).toMatchObject({ reversal: "reinstated" });
    expect(await liftRestriction(second, lift)).toEqual({ ok: false, error: "reversed" });

    // Re-verifying: a refused profile goes back to the vetting queue.
    const { profileId } = await makeCompleteExpert({ submit: true });
    expect((await decideVerification(first, { profileId, decision: "reject", reason: "Assurance illisible et périmée.", ground: "terms_vetting" })).ok).toBe(true);
    const [refusal] = await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.subjectId, profileId));
    expect((await liftRestriction(first, { statementId: refusal!.id, reason: "Nouvelle attestation reçue par courrier : à revoir." })).ok).toBe(true);
    expect((await db.select().from(expertProfiles).where(eq(expertProfiles.id, profileId)))[0]?.status).toBe("submitted");
    expect((await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.id, refusal!.id)))[0]).toMatchObject({ reversal: "reinstated", reversedAt: expect.any(Date) });
  });
});
