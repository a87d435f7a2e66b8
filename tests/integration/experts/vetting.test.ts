import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, emailOutbox, evidenceFiles, expertProfiles, sessions, statementsOfReasons, users, verificationRequests } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { uploadEvidence } from "@/lib/experts/evidence";
import { getVettingDetail, getVettingQueue, getVettingStats } from "@/lib/experts/admin-queries";
import { sendUrssafReminders } from "@/lib/experts/reminders";
import { decideVerification, setExpertSuspension, submitProfile } from "@/lib/experts/vetting";
import { approval, daysAgo, makeCompleteExpert, pdfBytes } from "../../helpers/experts";
import { makeUser } from "../../helpers/factories";

const statusOf = async (profileId: string) =>
  (await db.select({ status: expertProfiles.status }).from(expertProfiles).where(eq(expertProfiles.id, profileId)))[0]?.status;

const mailsTo = (email: string) => db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));

describe("submitting for verification", () => {
  it("refuses an incomplete profile with the list of what is missing", async () => {
    const expert = await makeUser(null);
    const { chooseRole } = await import("@/lib/accounts/choose-role");
    await chooseRole(expert, { role: "expert", name: "Léa Martin" });
    const result = await submitProfile({ ...expert, role: "expert" });
    expect(result).toMatchObject({ ok: false, error: "incomplete", missing: expect.arrayContaining(["skills", "siret", "evidenceUrssaf"]) });
  });

  it("puts a complete profile in the queue, once", async () => {
    const { actor, profileId } = await makeCompleteExpert();
    expect(await submitProfile(actor)).toEqual({ ok: true, value: undefined });
    expect(await statusOf(profileId)).toBe("submitted");
    expect(await submitProfile(actor)).toEqual({ ok: false, error: "illegal_transition" });
    expect(await db.select().from(verificationRequests).where(eq(verificationRequests.profileId, profileId))).toHaveLength(1);
  });

  it("needs an URSSAF certificate younger than six months", async () => {
    const { actor, profileId } = await makeCompleteExpert();
    await db.update(evidenceFiles).set({ issuedOn: daysAgo(200) }).where(and(eq(evidenceFiles.profileId, profileId), eq(evidenceFiles.kind, "urssaf")));
    expect(await submitProfile(actor)).toMatchObject({ ok: false, missing: ["evidenceUrssaf"] });
    await uploadEvidence(actor, { kind: "urssaf", issuedOn: daysAgo(3), file: { name: "u.pdf", bytes: pdfBytes() } });
    expect((await submitProfile(actor)).ok).toBe(true);
  });

  it("refuses clients and anonymous visitors", async () => {
    await expect(submitProfile(null)).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(submitProfile(await makeUser("client"))).rejects.toThrow(new PolicyError("forbidden"));
  });
});

describe("admin decisions", () => {
  it("approve: verified, request closed with the checklist, audited, expert emailed in their language", async () => {
    const admin = await makeUser("admin");
    const { actor, profileId } = await makeCompleteExpert({ submit: true });
    await db.update(users).set({ locale: "en" }).where(eq(users.id, actor.id));
    const { checklist, reason } = approval;
    expect(await decideVerification(admin, { profileId, decision: "approve", reason, checklist })).toEqual({ ok: true, value: undefined });
    expect(await statusOf(profileId)).toBe("verified");
    const [request] = await db.select().from(verificationRequests).where(eq(verificationRequests.profileId, profileId));
    expect(request).toMatchObject({ decision: "verified", decidedById: admin.id, checklist });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, profileId), eq(auditLog.action, "expert.approve")));
    expect(audit).toMatchObject({ actorId: admin.id, fromStatus: "submitted", toStatus: "verified" });
    expect((await mailsTo(actor.email)).map((m) => m.subject)).toEqual(["Your Compagnon profile is verified"]);
  });

  it("request changes and reject need a written reason, which the expert receives", async () => {
    const admin = await makeUser("admin");
    const { actor, profileId } = await makeCompleteExpert({ submit: true });
    expect(await decideVerification(admin, { profileId, decision: "request_changes", reason: "" })).toEqual({
      ok: false,
      error: "invalid",
      fields: { reason: "decisionReason" },
    });
    const reason = "L’attestation d’assurance ne couvre pas l’activité informatique.";
    expect((await decideVerification(admin, { profileId, decision: "request_changes", reason })).ok).toBe(true);
    expect(await statusOf(profileId)).toBe("changes_requested");
    const [mail] = await mailsTo(actor.email);
    expect(mail?.subject).toBe("Votre profil Compagnon : quelques compléments demandés");
    expect(mail?.text).toContain("ne couvre pas l’activité informatique");

    expect((await submitProfile(actor)).ok).toBe(true);
    // A refusal names the ground relied on (DSA art. 17): without one it is refused, the profile unchanged.
    const refusal = { profileId, decision: "reject" as const, reason: "Activité sans rapport avec le logiciel libre." };
    expect(await decideVerification(admin, refusal)).toMatchObject({ ok: false, error: "invalid", fields: { ground: "groundRequired" } });
    expect(await statusOf(profileId)).toBe("submitted");
    expect((await decideVerification(admin, { ...refusal, ground: "terms_accuracy" })).ok).toBe(true);
    expect(await statusOf(profileId)).toBe("rejected");
    const [statement] = await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.subjectId, profileId));
    expect(statement).toMatchObject({ restriction: "profile_refused", ground: "terms_accuracy", facts: refusal.reason, decidedById: admin.id });
    expect(await submitProfile(actor)).toEqual({ ok: false, error: "illegal_transition" });
  });

  it("an approval needs a note and every checklist point ticked, like any other decision", async () => {
    const admin = await makeUser("admin");
    const { profileId } = await makeCompleteExpert({ submit: true });
    expect(await decideVerification(admin, { profileId, decision: "approve", checklist: approval.checklist })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { reason: "decisionReason" },
    });
    const partial = { ...approval.checklist, urssaf: false };
    expect(await decideVerification(admin, { profileId, decision: "approve", reason: approval.reason, checklist: partial })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { checklist: "checklistIncomplete" },
    });
    expect(await decideVerification(admin, { profileId, decision: "approve", reason: approval.reason })).toMatchObject({ ok: false, fields: { checklist: "checklistIncomplete" } });
    expect(await statusOf(profileId)).toBe("submitted");
    expect((await decideVerification(admin, { profileId, decision: "approve", ...approval })).ok).toBe(true);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, profileId), eq(auditLog.action, "expert.approve")));
    expect(audit?.reason).toBe(approval.reason);
  });

  it("refuses illegal moves: approving a draft, rejecting a verified profile", async () => {
    const admin = await makeUser("admin");
    const draft = await makeCompleteExpert();
    expect(await decideVerification(admin, { profileId: draft.profileId, decision: "approve", ...approval })).toEqual({ ok: false, error: "illegal_transition" });
    const verified = await makeCompleteExpert({ submit: true });
    await decideVerification(admin, { profileId: verified.profileId, decision: "approve", ...approval });
    expect(await decideVerification(admin, { profileId: verified.profileId, decision: "reject", reason: "trop tard pour ça", ground: "terms_vetting" })).toEqual({
      ok: false,
      error: "illegal_transition",
    });
  });

  it("only admins decide: the expert cannot verify itself, clients cannot either", async () => {
    const { actor, profileId } = await makeCompleteExpert({ submit: true });
    await expect(decideVerification(actor, { profileId, decision: "approve", ...approval })).rejects.toThrow(new PolicyError("forbidden"));
    await expect(decideVerification(await makeUser("client"), { profileId, decision: "approve", ...approval })).rejects.toThrow(new PolicyError("forbidden"));
    await expect(decideVerification(null, { profileId, decision: "approve", ...approval })).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(getVettingQueue(actor)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(getVettingDetail(actor, profileId)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(setExpertSuspension(actor, { profileId, reason: "je me suspends moi-même", suspend: true })).rejects.toThrow(new PolicyError("forbidden"));
    expect(await statusOf(profileId)).toBe("submitted");
  });

  it("suspension ends the expert's sessions; reinstatement brings the profile back", async () => {
    const admin = await makeUser("admin");
    const { actor, profileId } = await makeCompleteExpert({ submit: true });
    await decideVerification(admin, { profileId, decision: "approve", ...approval });
    await db.insert(sessions).values({ sessionToken: crypto.randomUUID(), userId: actor.id, expires: new Date(Date.now() + 86_400_000) });
    expect(await setExpertSuspension(admin, { profileId, reason: "court", suspend: true })).toMatchObject({ ok: false, fields: { reason: "decisionReason" } });
    expect((await setExpertSuspension(admin, { profileId, reason: "Plainte d’un client en cours d’examen.", suspend: true })).ok).toBe(true);
    expect(await statusOf(profileId)).toBe("suspended");
    expect(await db.select().from(sessions).where(eq(sessions.userId, actor.id))).toHaveLength(0);
    const [statement] = await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.subjectId, profileId));
    expect(statement).toMatchObject({ restriction: "profile_suspended", reversedAt: null, reversal: null });
    expect((await setExpertSuspension(admin, { profileId, reason: "Plainte classée sans suite.", suspend: false })).ok).toBe(true);
    expect(await statusOf(profileId)).toBe("verified");
    // The manual reinstatement reverses the suspension's statement of reasons, in the audit log too.
    const [reversed] = await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.id, statement!.id));
    expect(reversed).toMatchObject({ reversedAt: expect.any(Date), reversal: "reinstated" });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, statement!.id), eq(auditLog.action, "statement.reversed")));
    expect(audit).toMatchObject({ actorId: admin.id, reason: "Plainte classée sans suite." });
    // approval, suspension with its statement of reasons (DSA art. 17), reinstatement
    expect((await mailsTo(actor.email)).map((m) => m.template).sort()).toEqual(["expert-decision", "expert-decision", "expert-decision", "moderation-event"]);
  });

  it("shows the queue oldest first, its size and the median wait", async () => {
    const admin = await makeUser("admin");
    const first = await makeCompleteExpert({ submit: true });
    const second = await makeCompleteExpert({ submit: true });
    await db.update(expertProfiles).set({ submittedAt: new Date(Date.now() - 50 * 3_600_000) }).where(eq(expertProfiles.id, first.profileId));
    await db.update(expertProfiles).set({ submittedAt: new Date(Date.now() - 10 * 3_600_000) }).where(eq(expertProfiles.id, second.profileId));
    const queue = await getVettingQueue(admin);
    const ids = queue.map((q) => q.id);
    expect(ids.indexOf(first.profileId)).toBeLessThan(ids.indexOf(second.profileId));
    expect(queue.find((q) => q.id === first.profileId)?.waitingHours).toBe(50);
    const stats = await getVettingStats(admin);
    expect(stats.queued).toBe(queue.length);
    expect(stats.medianWaitHours).toBeGreaterThan(0);
    const detail = await getVettingDetail(admin, first.profileId);
    expect(detail?.checks).toEqual({ siretFormat: true, insuranceValid: true, urssaf: "fresh", skillsBacked: true });
  });
});

describe("URSSAF reminders", () => {
  it("reminds a verified expert once, fifteen days before the certificate turns six months old", async () => {
    const admin = await makeUser("admin");
    const { actor, profileId } = await makeCompleteExpert({ submit: true });
    await decideVerification(admin, { profileId, decision: "approve", ...approval });
    await db.update(evidenceFiles).set({ issuedOn: daysAgo(175) }).where(and(eq(evidenceFiles.profileId, profileId), eq(evidenceFiles.kind, "urssaf")));
    const today = new Date().toISOString().slice(0, 10);
    const before = (await mailsTo(actor.email)).length;
    expect(await sendUrssafReminders(today)).toBeGreaterThanOrEqual(1);
    await sendUrssafReminders(today);
    const reminders = (await mailsTo(actor.email)).filter((m) => m.template === "urssaf-reminder");
    expect(reminders).toHaveLength(1);
    expect((await mailsTo(actor.email)).length).toBe(before + 1);
  });

  it("says nothing while the certificate is fresh", async () => {
    const admin = await makeUser("admin");
    const { actor, profileId } = await makeCompleteExpert({ submit: true });
    await decideVerification(admin, { profileId, decision: "approve", ...approval });
    await sendUrssafReminders(new Date().toISOString().slice(0, 10));
    expect((await mailsTo(actor.email)).filter((m) => m.template === "urssaf-reminder")).toHaveLength(0);
  });
});
