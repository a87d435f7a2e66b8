import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, emailOutbox, statementsOfReasons } from "@/db/schema";
import { reinstateUser, suspendUser } from "@/lib/accounts/suspension";
import { PolicyError } from "@/lib/auth/policy";
import { decideComplaint, fileComplaint } from "@/lib/moderation/complaints";
import { getDecisionForViewer } from "@/lib/moderation/statements";
import { transparencyCsv, transparencyReport } from "@/lib/moderation/transparency";
import { makeUser } from "../../helpers/factories";

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
});
