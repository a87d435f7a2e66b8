import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, sessions, users } from "@/db/schema";
import { reinstateUser, suspendUser } from "@/lib/accounts/suspension";
import { PolicyError } from "@/lib/auth/policy";
import { makeUser } from "../../helpers/factories";

async function openSession(userId: string) {
  await db.insert(sessions).values({ sessionToken: crypto.randomUUID(), userId, expires: new Date(Date.now() + 86_400_000) });
}

describe("suspendUser / reinstateUser", () => {
  it("lets an admin suspend an account: its sessions end at once, the decision is audited", async () => {
    const admin = await makeUser("admin");
    const expert = await makeUser("expert");
    await openSession(expert.id);
    await openSession(expert.id);

    expect(await suspendUser(admin, { userId: expert.id, reason: "Fausse attestation URSSAF" })).toEqual({ ok: true, value: undefined });
    expect(await db.select().from(sessions).where(eq(sessions.userId, expert.id))).toHaveLength(0);
    const [row] = await db.select().from(users).where(eq(users.id, expert.id));
    expect(row?.suspendedAt).toBeInstanceOf(Date);
    const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, expert.id));
    expect(audit).toEqual([
      expect.objectContaining({ actorId: admin.id, action: "user.suspended", fromStatus: "active", toStatus: "suspended", reason: "Fausse attestation URSSAF" }),
    ]);

    expect(await suspendUser(admin, { userId: expert.id, reason: "encore une fois" })).toEqual({ ok: false, error: "already" });
    expect(await reinstateUser(admin, { userId: expert.id, reason: "Attestation valide reçue" })).toEqual({ ok: true, value: undefined });
    const [after] = await db.select().from(users).where(eq(users.id, expert.id));
    expect(after?.suspendedAt).toBeNull();
  });

  it("requires a reason, and refuses an admin suspending themselves", async () => {
    const admin = await makeUser("admin");
    const client = await makeUser("client");
    expect(await suspendUser(admin, { userId: client.id, reason: " " })).toEqual({ ok: false, error: "invalid", fields: { reason: "reasonRequired" } });
    expect(await suspendUser(admin, { userId: admin.id, reason: "test de soi" })).toEqual({ ok: false, error: "self" });
  });

  it("refuses anonymous visitors, clients and experts", async () => {
    const target = await makeUser("client");
    await openSession(target.id);
    await expect(suspendUser(null, { userId: target.id, reason: "raison valable" })).rejects.toThrow(new PolicyError("unauthenticated"));
    for (const role of ["client", "expert"] as const) {
      const actor = await makeUser(role);
      await expect(suspendUser(actor, { userId: target.id, reason: "raison valable" })).rejects.toThrow(new PolicyError("forbidden"));
      await expect(reinstateUser(actor, { userId: target.id, reason: "raison valable" })).rejects.toThrow(new PolicyError("forbidden"));
    }
    expect(await db.select().from(sessions).where(eq(sessions.userId, target.id))).toHaveLength(1);
  });
});
