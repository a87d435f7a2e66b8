import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { adminRecoveryCodes, adminTotpFactors, auditLog, sessions } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { WRONG_CODE_LIMIT } from "@/lib/auth/second-factor/attempts";
import { confirmTotpEnrolment, pendingTotpSecret } from "@/lib/auth/second-factor/enrolment";
import { getSecondFactorOverview, hasSecondFactor, reenrolTotp, regenerateRecoveryCodes } from "@/lib/auth/second-factor/management";
import { verifySecondFactor } from "@/lib/auth/second-factor/verification";
import { resetEnvCache } from "@/lib/env";
import { makeUser } from "../../helpers/factories";
import { anotherSession, signedInAdmin, totpCode } from "../../helpers/second-factor";

async function sessionFactor(sessionId: string) {
  const [row] = await db.select({ method: sessions.secondFactorMethod, at: sessions.secondFactorAt }).from(sessions).where(eq(sessions.id, sessionId));
  return row;
}

const actions = async (userId: string) =>
  (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, userId)).orderBy(auditLog.createdAt)).map((r) => r.action);

/** An admin who enrolled in their first session; returns the secret and the recovery codes. */
async function enrolledAdmin() {
  const first = await signedInAdmin();
  const { secret } = await pendingTotpSecret(first);
  const enrolmentCode = await totpCode(secret);
  const enrolled = await confirmTotpEnrolment(first, { code: enrolmentCode });
  if (!enrolled.ok) throw new Error(`enrolment failed: ${enrolled.error}`);
  return { first, secret, enrolmentCode, recoveryCodes: enrolled.value.recoveryCodes };
}

describe("enrolment (first admin sign-in)", () => {
  it("keeps one pending secret, refuses a wrong code, then enrols, passes this session and shows ten recovery codes once", async () => {
    const admin = await signedInAdmin();
    expect(await hasSecondFactor(admin)).toBe(false);
    const pending = await pendingTotpSecret(admin);
    expect((await pendingTotpSecret(admin)).secret).toBe(pending.secret);
    expect(pending.uri).toMatch(/^otpauth:\/\/totp\/Compagnon:.+\?secret=[A-Z2-7]+&issuer=Compagnon$/);

    expect(await confirmTotpEnrolment(admin, { code: "000000" })).toMatchObject({ ok: false });
    expect(await confirmTotpEnrolment(admin, { code: "" })).toEqual({ ok: false, error: "invalid", fields: { code: "codeRequired" } });
    expect(await sessionFactor(admin.sessionId)).toEqual({ method: null, at: null });

    const enrolled = await confirmTotpEnrolment(admin, { code: await totpCode(pending.secret) });
    if (!enrolled.ok) throw new Error(enrolled.error);
    expect(enrolled.value.recoveryCodes).toHaveLength(10);
    expect(new Set(enrolled.value.recoveryCodes).size).toBe(10);
    expect(await sessionFactor(admin.sessionId)).toEqual({ method: "totp", at: expect.any(Date) });
    expect(await hasSecondFactor(admin)).toBe(true);

    // Stored: the secret sealed (never as typed into the app), the codes hashed.
    const [factor] = await db.select().from(adminTotpFactors).where(eq(adminTotpFactors.userId, admin.id));
    expect(factor?.secret).toMatch(/^v1\./);
    expect(factor?.secret).not.toContain(pending.secret);
    expect(factor?.pendingSecret).toBeNull();
    const stored = await db.select().from(adminRecoveryCodes).where(eq(adminRecoveryCodes.userId, admin.id));
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.codeHash)).not.toContain(enrolled.value.recoveryCodes[0]);

    expect(await confirmTotpEnrolment(admin, { code: await totpCode(pending.secret, 1) })).toEqual({ ok: false, error: "already_enrolled" });
    expect(await actions(admin.id)).toEqual(["admin.second_factor_refused", "admin.second_factor_enrolled"]);
  });

  it("is for admins only", async () => {
    const client = await makeUser("client");
    await expect(pendingTotpSecret(client)).rejects.toThrow(PolicyError);
    await expect(confirmTotpEnrolment(client, { code: "123456" })).rejects.toThrow(PolicyError);
    await expect(verifySecondFactor(client, { code: "123456" })).rejects.toThrow(PolicyError);
    await expect(verifySecondFactor(null, { code: "123456" })).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("verification (later sign-ins)", () => {
  it("passes the second factor for this session only, with an authenticator code", async () => {
    const { first, secret } = await enrolledAdmin();
    const second = await anotherSession(first);
    expect(await sessionFactor(second.sessionId)).toEqual({ method: null, at: null });
    expect(await verifySecondFactor(second, { code: await totpCode(secret, 1) })).toEqual({ ok: true, value: { method: "totp" } });
    expect(await sessionFactor(second.sessionId)).toMatchObject({ method: "totp" });
    const third = await anotherSession(first);
    expect(await sessionFactor(third.sessionId)).toEqual({ method: null, at: null });
    expect(await actions(first.id)).toContain("admin.second_factor_verified");
  });

  it("refuses a wrong code and a code of a time step already used (replay)", async () => {
    const { first, secret, enrolmentCode } = await enrolledAdmin();
    const other = await anotherSession(first);
    expect(await verifySecondFactor(other, { code: "000000" === enrolmentCode ? "111111" : "000000" })).toEqual({ ok: false, error: "wrong_code" });
    // The code the enrolment used is refused in another session.
    expect(await verifySecondFactor(other, { code: enrolmentCode })).toEqual({ ok: false, error: "code_used" });
    expect(await sessionFactor(other.sessionId)).toEqual({ method: null, at: null });
    const next = await totpCode(secret, 1);
    expect(await verifySecondFactor(other, { code: next })).toMatchObject({ ok: true });
    expect(await verifySecondFactor(await anotherSession(first), { code: next })).toEqual({ ok: false, error: "code_used" });
  });

  it("takes each recovery code once, typed in any case, and audits what is left", async () => {
    const { first, recoveryCodes } = await enrolledAdmin();
    const code = recoveryCodes[0] ?? "";
    const session = await anotherSession(first);
    expect(await verifySecondFactor(session, { code: ` ${code.toUpperCase()} ` })).toEqual({ ok: true, value: { method: "recovery_code" } });
    expect(await sessionFactor(session.sessionId)).toMatchObject({ method: "recovery_code" });
    expect(await verifySecondFactor(await anotherSession(first), { code })).toEqual({ ok: false, error: "wrong_code" });
    const [used] = await db.select().from(auditLog).where(and(eq(auditLog.actorId, first.id), eq(auditLog.action, "admin.recovery_code_used")));
    expect(used?.data).toEqual({ method: "recovery_code", recoveryCodesLeft: 9 });
    // Another admin's code does not open this account.
    const other = await enrolledAdmin();
    expect(await verifySecondFactor(await anotherSession(first), { code: other.recoveryCodes[0] ?? "" })).toEqual({ ok: false, error: "wrong_code" });
  });

  it(`stops after ${WRONG_CODE_LIMIT} wrong codes (counters in PostgreSQL), right code included; other admins go on`, async () => {
    const { first, secret } = await enrolledAdmin();
    const session = await anotherSession(first);
    for (let i = 0; i < WRONG_CODE_LIMIT; i++) {
      expect(await verifySecondFactor(session, { code: `wrong-${i}` })).toEqual({ ok: false, error: "wrong_code" });
    }
    expect(await verifySecondFactor(session, { code: await totpCode(secret, 1) })).toEqual({ ok: false, error: "rate_limited" });
    expect(await sessionFactor(session.sessionId)).toEqual({ method: null, at: null });
    expect((await actions(first.id)).filter((a) => a === "admin.second_factor_refused")).toHaveLength(WRONG_CODE_LIMIT);

    const someoneElse = await enrolledAdmin();
    expect(await verifySecondFactor(await anotherSession(someoneElse.first), { code: await totpCode(someoneElse.secret, 1) })).toMatchObject({ ok: true });
  });

  it("answers not_enrolled before any enrolment", async () => {
    expect(await verifySecondFactor(await signedInAdmin(), { code: "123456" })).toEqual({ ok: false, error: "not_enrolled" });
  });
});

describe("re-enrolment and new recovery codes", () => {
  it("need a session that passed the second factor", async () => {
    const { first } = await enrolledAdmin();
    const unverified = await anotherSession(first);
    await expect(pendingTotpSecret(unverified)).rejects.toMatchObject({ code: "second_factor_required" });
    await expect(reenrolTotp(unverified, { currentCode: "123456", newCode: "123456" })).rejects.toMatchObject({ code: "second_factor_required" });
    await expect(regenerateRecoveryCodes(unverified, { code: "123456" })).rejects.toMatchObject({ code: "second_factor_required" });
    await expect(getSecondFactorOverview(unverified)).rejects.toMatchObject({ code: "second_factor_required" });
  });

  it("moves to a new secret with a current code and a code of the new one; the old app and codes stop working", async () => {
    const { first, secret, recoveryCodes } = await enrolledAdmin();
    const admin = { ...first, secondFactor: "totp" as const };
    const fresh = await pendingTotpSecret(admin);
    expect(fresh.secret).not.toBe(secret);

    // A wrong new code uses up nothing: the recovery code still works afterwards.
    const recovery = recoveryCodes[1] ?? "";
    expect(await reenrolTotp(admin, { currentCode: recovery, newCode: "000000" === (await totpCode(fresh.secret)) ? "111111" : "000000" })).toEqual({
      ok: false,
      error: "wrong_code",
      fields: { newCode: "codeWrong" },
    });
    expect(await reenrolTotp(admin, { currentCode: "zzzzz-zzzzz", newCode: await totpCode(fresh.secret) })).toEqual({
      ok: false,
      error: "wrong_code",
      fields: { currentCode: "codeWrong" },
    });
    expect(await reenrolTotp(admin, { currentCode: "", newCode: "" })).toMatchObject({ ok: false, error: "invalid", fields: { currentCode: "codeRequired", newCode: "codeRequired" } });

    const moved = await reenrolTotp(admin, { currentCode: recovery, newCode: await totpCode(fresh.secret) });
    if (!moved.ok) throw new Error(moved.error);
    expect(moved.value.recoveryCodes).toHaveLength(10);
    expect(await getSecondFactorOverview(admin)).toEqual({ enrolledAt: expect.any(Date), recoveryCodesLeft: 10 });

    expect(await verifySecondFactor(await anotherSession(first), { code: await totpCode(secret, 1) })).toEqual({ ok: false, error: "wrong_code" });
    expect(await verifySecondFactor(await anotherSession(first), { code: recoveryCodes[2] ?? "" })).toEqual({ ok: false, error: "wrong_code" });
    expect(await verifySecondFactor(await anotherSession(first), { code: await totpCode(fresh.secret, 1) })).toMatchObject({ ok: true });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.actorId, first.id), eq(auditLog.action, "admin.second_factor_reenrolled")));
    expect(audit?.data).toEqual({ method: "totp", provenWith: "recovery_code" });
  });

  it("regenerates recovery codes after a current code; the old ones stop working", async () => {
    const { first, secret, recoveryCodes } = await enrolledAdmin();
    const admin = { ...first, secondFactor: "totp" as const };
    expect(await regenerateRecoveryCodes(admin, { code: "zzzzz-zzzzz" })).toEqual({ ok: false, error: "wrong_code" });
    const renewed = await regenerateRecoveryCodes(admin, { code: await totpCode(secret, 1) });
    if (!renewed.ok) throw new Error(renewed.error);
    expect(renewed.value.recoveryCodes).not.toContain(recoveryCodes[0]);
    expect(await verifySecondFactor(await anotherSession(first), { code: recoveryCodes[0] ?? "" })).toEqual({ ok: false, error: "wrong_code" });
    expect(await verifySecondFactor(await anotherSession(first), { code: renewed.value.recoveryCodes[0] ?? "" })).toMatchObject({ ok: true });
    expect(await actions(first.id)).toContain("admin.recovery_codes_regenerated");
  });
});

describe("after AUTH_SECRET changed", () => {
  it("authenticator codes fail (no error page); a recovery code lets the admin in and move to a new app", async () => {
    const { first, secret, recoveryCodes } = await enrolledAdmin();
    const previous = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "another-secret-another-secret-another-1";
    resetEnvCache();
    try {
      expect(await verifySecondFactor(await anotherSession(first), { code: await totpCode(secret, 1) })).toEqual({ ok: false, error: "wrong_code" });
      const session = await anotherSession(first);
      expect(await verifySecondFactor(session, { code: recoveryCodes[0] ?? "" })).toMatchObject({ ok: true });
      const admin = { ...session, secondFactor: "recovery_code" as const };
      const fresh = await pendingTotpSecret(admin);
      const moved = await reenrolTotp(admin, { currentCode: recoveryCodes[1] ?? "", newCode: await totpCode(fresh.secret) });
      expect(moved).toMatchObject({ ok: true });
    } finally {
      process.env.AUTH_SECRET = previous;
      resetEnvCache();
    }
  });
});
