import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, emailOutbox, expertProfiles, statementsOfReasons, users } from "@/db/schema";
import { suspendUser } from "@/lib/accounts/suspension";
import { PolicyError } from "@/lib/auth/policy";
import { decideVerification, setExpertSuspension } from "@/lib/experts/vetting";
import { decideComplaint, fileComplaint } from "@/lib/moderation/complaints";
import { getDecisionForViewer } from "@/lib/moderation/statements";
import { transparencyCsv, transparencyReport } from "@/lib/moderation/transparency";
import { makeUser } from "../../helpers/factories";
import { approval, makeCompleteExpert } from "../../helpers/experts";


async function statementFor(userId: string) {
  const [row] = await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.userId, userId));
  if (!row) throw new Error("no statement");
  return row;
}

async function decisionKey(to: string): Promise<string> {
  const [mail] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, "moderation-event")));
  const href = [...mail!.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&")).find((h) => h.includes("/decisions/"));
  return new URL(href!).searchParams.get("key") ?? "";
}

const complaintText = "Je conteste : ces annonces n'étaient pas les miennes, mon compte avait été piraté.";

describe("statements of reasons (DSA art. 17) and internal complaints (art. 20)", () => {
  it("a suspension carries a statement; the suspended person contests it through the emailed link; a second admin reverses it", async () => {
    const [first, second] = [await makeUser("admin"), await makeUser("admin")];
    const person = await makeUser("client");
    expect(await suspendUser(first, { userId: person.id, reason: "Annonces frauduleuses répétées.", ground: "law_fraud" })).toEqual({ ok: true, value: undefined });
    const statement = await statementFor(person.id);
    expect(statement).toMatchObject({ restriction: "account_suspended", subjectId: person.id, facts: "Annonces frauduleuses répétées.", ground: "law_fraud", automated: false, decidedById: first.id });
    const key = await decisionKey(person.email);

    // Only the person (by account or key) or an admin reads it.
    expect((await getDecisionForViewer(db, null, statement.id, key))?.canComplain).toBe(true);
    expect(await getDecisionForViewer(db, null, statement.id, "wrong")).toBeNull();
    expect(await getDecisionForViewer(db, await makeUser("client"), statement.id)).toBeNull();
    expect((await getDecisionForViewer(db, first, statement.id))?.canComplain).toBe(false);

    expect(await fileComplaint(null, { statementId: statement.id, key: "wrong", body: complaintText })).toEqual({ ok: false, error: "not_found" });
    expect(await fileComplaint(null, { statementId: statement.id, key, body: "court" })).toMatchObject({ ok: false, fields: { body: "complaintShort" } });
    const filed = await fileComplaint(null, { statementId: statement.id, key, body: complaintText });
    if (!filed.ok) throw new Error(filed.error);
    expect(await fileComplaint(null, { statementId: statement.id, key, body: complaintText })).toEqual({ ok: false, error: "already" });

    const answer = { complaintId: filed.value.complaintId, outcome: "reversed" as const, answer: "Piratage confirmé par nos journaux de connexion." };
    expect(await decideComplaint(first, answer)).toEqual({ ok: false, error: "same_admin" });
    await expect(decideComplaint(person, answer)).rejects.toThrow(PolicyError);
    await expect(decideComplaint(null, answer)).rejects.toThrow(PolicyError);
    expect(await decideComplaint(second, answer)).toEqual({ ok: true, value: undefined });
    expect(await decideComplaint(second, answer)).toEqual({ ok: false, error: "already" });

    const [after] = await db.select().from(users).where(eq(users.id, person.id));
    expect(after?.suspendedAt).toBeNull();
    expect((await statementFor(person.id)).reversedAt).not.toBeNull();
    const audit = await db.select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.subjectId, statement.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["complaint.decided", "complaint.filed", "statement.issued"]);
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, person.email));
    expect(mails.some((m) => m.text.includes("Piratage confirmé"))).toBe(true);
  });

  it("an upheld complaint leaves the restriction; a complaint after six months is refused", async () => {
    const [first, second] = [await makeUser("admin"), await makeUser("admin")];
    const person = await makeUser("expert");
    await suspendUser(first, { userId: person.id, reason: "Harcèlement d'un client par messages." });
    const statement = await statementFor(person.id);
    expect(statement.ground).toBe("terms_conduct");
    const late = new Date(statement.createdAt.getTime() + 184 * 24 * 3600 * 1000);
    expect(await fileComplaint(person, { statementId: statement.id, body: complaintText }, late)).toEqual({ ok: false, error: "too_late" });
    const filed = await fileComplaint(person, { statementId: statement.id, body: complaintText });
    if (!filed.ok) throw new Error(filed.error);
    expect(await decideComplaint(second, { complaintId: filed.value.complaintId, outcome: "upheld", answer: "Les messages produits confirment le harcèlement." })).toEqual({ ok: true, value: undefined });
    const [after] = await db.select().from(users).where(eq(users.id, person.id));
    expect(after?.suspendedAt).not.toBeNull();
  });

  it("refusing or suspending an expert profile issues a statement; reversing a profile suspension reinstates it", async () => {
    const [first, second] = [await makeUser("admin"), await makeUser("admin")];
    const refused = await makeCompleteExpert({ submit: true });
    expect((await decideVerification(first, { profileId: refused.profileId, decision: "reject", reason: "Attestation d'assurance illisible et périmée.", ground: "terms_vetting" })).ok).toBe(true);
    expect((await statementFor(refused.actor.id)).restriction).toBe("profile_refused");

    const verified = await makeCompleteExpert({ submit: true });
    await decideVerification(first, { profileId: verified.profileId, decision: "approve", ...approval });
    expect((await setExpertSuspension(first, { profileId: verified.profileId, reason: "Paiements demandés hors plateforme.", suspend: true, ground: "terms_payment" })).ok).toBe(true);
    const statement = await statementFor(verified.actor.id);
    expect(statement).toMatchObject({ restriction: "profile_suspended", ground: "terms_payment" });
    const filed = await fileComplaint(verified.actor, { statementId: statement.id, body: complaintText });
    if (!filed.ok) throw new Error(filed.error);
    await decideComplaint(second, { complaintId: filed.value.complaintId, outcome: "reversed", answer: "Le client a confirmé un malentendu." });
    const [profile] = await db.select().from(expertProfiles).where(eq(expertProfiles.id, verified.profileId));
    expect(profile?.status).toBe("verified");
  });

  it("the transparency report counts the year's reports, restrictions, complaints and suspensions", async () => {
    const year = new Date().getFullYear();
    const before = await transparencyReport(db, year);
    const admin = await makeUser("admin");
    await suspendUser(admin, { userId: (await makeUser("client")).id, reason: "Usurpation d'identité." });
    const after = await transparencyReport(db, year);
    expect(after.suspensions).toBe(before.suspensions + 1);
    expect((await transparencyReport(db, year - 5)).suspensions).toBe(0);
    const csv = transparencyCsv(after);
    expect(csv).toContain("account_suspensions;all;" + after.suspensions);
    expect(csv.startsWith("\uFEFFsection;category;count")).toBe(true);
  });
});
