import { Auth } from "@auth/core";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, sessions } from "@/db/schema";
import { suspendUser } from "@/lib/accounts/suspension";
import { getAdminOverview } from "@/lib/accounts/queries";
import { ADMIN_SESSION_MAX_HOURS } from "@/lib/auth/adapter";
import { authConfig } from "@/lib/auth/config";
import { isAdmin } from "@/lib/auth/policy";
import { makeUser } from "../../helpers/factories";
import { makeSession } from "../../helpers/second-factor";

const HOUR = 3_600_000;

/** What Auth.js itself answers for a session cookie (the same code path as `auth()` in a page). */
async function readSession(sessionToken: string) {
  const request = new Request("http://localhost:3000/api/auth/session", { headers: { cookie: `authjs.session-token=${sessionToken}` } });
  const response = await Auth(request, { ...authConfig(), basePath: "/api/auth" });
  return (await response.json()) as { sessionId?: string; user?: { role: string | null; secondFactor: string | null } } | null;
}

async function sessionRow(sessionToken: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.sessionToken, sessionToken));
  return row;
}

describe("the second factor is bound to the session", () => {
  it("shows each session's own factor, and never the session token", async () => {
    const admin = await makeUser("admin");
    const verified = await makeSession(admin.id);
    const fresh = await makeSession(admin.id);
    await db.update(sessions).set({ secondFactorMethod: "totp", secondFactorAt: new Date() }).where(eq(sessions.id, verified.id));

    const seen = await readSession(verified.sessionToken);
    expect(seen).toMatchObject({ sessionId: verified.id, user: { id: admin.id, role: "admin", secondFactor: "totp" } });
    expect(JSON.stringify(seen)).not.toContain(verified.sessionToken);
    expect(await readSession(fresh.sessionToken)).toMatchObject({ sessionId: fresh.id, user: { role: "admin", secondFactor: null } });
  });
});

describe(`admin sessions last at most ${ADMIN_SESSION_MAX_HOURS} hours`, () => {
  it("caps an admin session at 12 h from sign-in, however often updateAge would extend it", async () => {
    const admin = await makeUser("admin");
    // Signed in 2 h ago; its row says 30 days, as Auth.js wrote it at sign-in.
    const session = await makeSession(admin.id, { hoursAgo: 2 });
    expect(await readSession(session.sessionToken)).toMatchObject({ user: { id: admin.id } });
    const row = await sessionRow(session.sessionToken);
    expect(row?.expires.getTime()).toBe(session.createdAt.getTime() + 12 * HOUR);

    // A day later by Auth.js's clock, updateAge is due: the extension stays within the cap.
    await db.update(sessions).set({ expires: new Date(Date.now() + HOUR) }).where(eq(sessions.id, session.id));
    await readSession(session.sessionToken);
    expect((await sessionRow(session.sessionToken))?.expires.getTime()).toBeLessThanOrEqual(session.createdAt.getTime() + 12 * HOUR);
  });

  it("ends an admin session signed in more than 12 h ago (an account made admin since included)", async () => {
    const admin = await makeUser("admin");
    const old = await makeSession(admin.id, { hoursAgo: 13 });
    expect(await readSession(old.sessionToken)).toBeNull();
    expect(await sessionRow(old.sessionToken)).toBeUndefined();
  });

  it("leaves other people's sessions to the usual 30 days", async () => {
    const client = await makeUser("client");
    const session = await makeSession(client.id, { hoursAgo: 13, expiresInHours: 2 });
    expect(await readSession(session.sessionToken)).toMatchObject({ user: { id: client.id } });
    // updateAge was due (the row was written long ago): extended to 30 days from now.
    expect((await sessionRow(session.sessionToken))?.expires.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * HOUR);
  });
});

describe("an admin whose session has not passed the second factor is not an admin yet", () => {
  it("is refused by admin use cases; with the factor, the decision's audit row says which one", async () => {
    const admin = await makeUser("admin");
    const pending = { ...admin, secondFactor: null };
    const client = await makeUser("client");
    expect(isAdmin(pending)).toBe(false);
    await expect(getAdminOverview(pending)).rejects.toMatchObject({ code: "second_factor_required" });
    await expect(suspendUser(pending, { userId: client.id, reason: "Fraude avérée" })).rejects.toMatchObject({ code: "second_factor_required" });

    expect(await suspendUser({ ...admin, secondFactor: "recovery_code" }, { userId: client.id, reason: "Fraude avérée" })).toMatchObject({ ok: true });
    const [row] = await db.select().from(auditLog).where(eq(auditLog.subjectId, client.id));
    expect(row).toMatchObject({ actorId: admin.id, action: "user.suspended", secondFactor: "recovery_code" });
  });
});
