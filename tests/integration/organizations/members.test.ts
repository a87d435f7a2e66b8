import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, organizationMembers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { setMemberRole } from "@/lib/organizations/members";
import { makeOrganization, makeUser } from "../../helpers/factories";

async function roleOf(organizationId: string, userId: string) {
  const [row] = await db
    .select({ role: organizationMembers.role })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)));
  return row?.role;
}

async function organizationWithMember() {
  const owner = await makeUser("client", { name: "Claire Martin" });
  const member = await makeUser("client", { name: "Julien Petit" });
  const organization = await makeOrganization(owner, [{ actor: member, role: "member" }]);
  return { owner, member, organizationId: organization.id };
}

describe("setMemberRole", () => {
  it("an owner makes a member an owner, audited", async () => {
    const { owner, member, organizationId } = await organizationWithMember();
    expect(await setMemberRole(owner, { organizationId, userId: member.id, role: "owner" })).toEqual({ ok: true, value: { role: "owner", changed: true } });
    expect(await roleOf(organizationId, member.id)).toBe("owner");
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, organizationId), eq(auditLog.action, "organization.owner_granted")));
    expect(audit).toEqual([expect.objectContaining({ actorId: owner.id, fromStatus: "member", toStatus: "owner", data: { userId: member.id, self: false } })]);
    // Asking again changes nothing and records nothing.
    expect(await setMemberRole(owner, { organizationId, userId: member.id, role: "owner" })).toEqual({ ok: true, value: { role: "owner", changed: false } });
    expect(await db.select().from(auditLog).where(eq(auditLog.subjectId, organizationId))).toHaveLength(1);
  });

  it("an owner demotes another owner, or themselves, while another owner remains", async () => {
    const { owner, member, organizationId } = await organizationWithMember();
    await setMemberRole(owner, { organizationId, userId: member.id, role: "owner" });
    // The new owner takes the role back from the first one.
    expect((await setMemberRole(member, { organizationId, userId: owner.id, role: "member" })).ok).toBe(true);
    expect(await roleOf(organizationId, owner.id)).toBe("member");
    // The first one, now a plain member, can no longer change roles.
    await expect(setMemberRole(owner, { organizationId, userId: owner.id, role: "owner" })).rejects.toBeInstanceOf(PolicyError);

    await setMemberRole(member, { organizationId, userId: owner.id, role: "owner" });
    expect(await setMemberRole(owner, { organizationId, userId: owner.id, role: "member" })).toEqual({ ok: true, value: { role: "member", changed: true } });
    expect(await roleOf(organizationId, owner.id)).toBe("member");
    const [self] = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, organizationId), eq(auditLog.actorId, owner.id), eq(auditLog.action, "organization.owner_revoked")));
    expect(self?.data).toEqual({ userId: owner.id, self: true });
  });

  it("the organisation always keeps an owner: the last one cannot step down", async () => {
    const { owner, organizationId } = await organizationWithMember();
    expect(await setMemberRole(owner, { organizationId, userId: owner.id, role: "member" })).toEqual({ ok: false, error: "last_owner" });
    expect(await roleOf(organizationId, owner.id)).toBe("owner");
  });

  it("two owners demoting each other at the same moment: only one succeeds", async () => {
    const { owner, member, organizationId } = await organizationWithMember();
    await setMemberRole(owner, { organizationId, userId: member.id, role: "owner" });
    const results = await Promise.allSettled([
      setMemberRole(owner, { organizationId, userId: member.id, role: "member" }),
      setMemberRole(member, { organizationId, userId: owner.id, role: "member" }),
    ]);
    // The first to take the lock wins; the other is no longer an owner when its turn comes.
    expect(results.filter((r) => r.status === "fulfilled" && r.value.ok)).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof PolicyError)).toHaveLength(1);
    const owners = await db.select().from(organizationMembers).where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.role, "owner")));
    expect(owners).toHaveLength(1);
  });

  it("refuses anonymous people, plain members, experts and admins", async () => {
    const { owner, member, organizationId } = await organizationWithMember();
    const colleague = await makeUser("client");
    await db.insert(organizationMembers).values({ organizationId, userId: colleague.id, role: "member" });
    for (const actor of [null, member, await makeUser("expert"), await makeUser("admin")] as (Actor | null)[]) {
      await expect(setMemberRole(actor, { organizationId, userId: colleague.id, role: "owner" })).rejects.toBeInstanceOf(PolicyError);
      await expect(setMemberRole(actor, { organizationId, userId: owner.id, role: "member" })).rejects.toBeInstanceOf(PolicyError);
    }
    expect(await roleOf(organizationId, colleague.id)).toBe("member");
    expect(await roleOf(organizationId, owner.id)).toBe("owner");
  });

  it("refuses another organisation's owner, and people who are not members", async () => {
    const { owner, member, organizationId } = await organizationWithMember();
    const other = await organizationWithMember();
    // The other organisation's owner has no say here.
    await expect(setMemberRole(other.owner, { organizationId, userId: member.id, role: "owner" })).rejects.toBeInstanceOf(PolicyError);
    // Nor does this owner over the other organisation's members, or over someone in no organisation.
    expect(await setMemberRole(owner, { organizationId, userId: other.member.id, role: "owner" })).toEqual({ ok: false, error: "not_member" });
    const outsider = await makeUser("client");
    expect(await setMemberRole(owner, { organizationId, userId: outsider.id, role: "owner" })).toEqual({ ok: false, error: "not_member" });
    await expect(setMemberRole(owner, { organizationId: other.organizationId, userId: other.member.id, role: "owner" })).rejects.toBeInstanceOf(PolicyError);
    expect(await roleOf(other.organizationId, other.member.id)).toBe("member");
    expect(await roleOf(organizationId, member.id)).toBe("member");
  });

  it("refuses malformed input", async () => {
    const { owner, organizationId } = await organizationWithMember();
    expect(await setMemberRole(owner, { organizationId, userId: "nope", role: "owner" })).toMatchObject({ ok: false, error: "invalid", fields: { userId: "required" } });
    expect(await setMemberRole(owner, { organizationId, userId: owner.id, role: "boss" as "owner" })).toMatchObject({ ok: false, error: "invalid", fields: { role: "required" } });
  });
});
