import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailOutbox, organizationInvitations, organizationMembers, users } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { extractLinks } from "@/lib/email/mailbox";
import { acceptInvitation, getInvitationByToken, inviteMember } from "@/lib/organizations/invitations";
import { makeOrganization, makeUser } from "../../helpers/factories";

/** The invitation token, read from the link in the email: the only place it exists. */
async function tokenSentTo(email: string): Promise<string> {
  const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email)).orderBy(sql`created_at desc`).limit(1);
  const link = extractLinks(mail?.html ?? "").find((l) => l.includes("/invitations/"));
  if (!link) throw new Error(`no invitation link sent to ${email}`);
  return link.split("/invitations/")[1] ?? "";
}

describe("inviteMember", () => {
  it("lets an owner invite a colleague: invitation stored hashed, email queued in the same transaction", async () => {
    const owner = await makeUser("client", { name: "Claire Martin" });
    const organization = await makeOrganization(owner);
    const result = await inviteMember(owner, { organizationId: organization.id, email: " Julien@Example.TEST ", role: "member" });
    expect(result.ok).toBe(true);

    const [invitation] = await db.select().from(organizationInvitations).where(eq(organizationInvitations.organizationId, organization.id));
    expect(invitation).toMatchObject({ email: "julien@example.test", role: "member", acceptedAt: null });
    const token = await tokenSentTo("julien@example.test");
    expect(token.length).toBeGreaterThan(30);
    expect(invitation?.tokenHash).not.toContain(token);

    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "julien@example.test"));
    expect(mail).toMatchObject({ template: "invitation", locale: "fr", sensitive: true, status: "pending" });
    expect(mail?.subject).toBe(`Invitation à rejoindre ${organization.legalName} sur Compagnon`);
    expect(mail?.text).toContain("Claire Martin vous invite");
    const jobs = await db.execute<{ key: string }>(
      sql`select key from graphile_worker.jobs where task_identifier = 'deliver_email'`,
    );
    expect(jobs.map((j) => j.key)).toContain(`email:${mail?.id}`);
  });

  it("replaces a pending invitation to the same address", async () => {
    const owner = await makeUser("client");
    const organization = await makeOrganization(owner);
    await inviteMember(owner, { organizationId: organization.id, email: "twice@example.test", role: "member" });
    const firstToken = await tokenSentTo("twice@example.test");
    await inviteMember(owner, { organizationId: organization.id, email: "twice@example.test", role: "owner" });
    expect(await getInvitationByToken(firstToken)).toMatchObject({ revokedAt: expect.any(Date) });
    const pending = await db
      .select()
      .from(organizationInvitations)
      .where(and(eq(organizationInvitations.email, "twice@example.test"), sql`revoked_at is null`));
    expect(pending).toHaveLength(1);
    expect(pending[0]?.role).toBe("owner");
  });

  it("refuses a bad address with a field error, and someone already in the organisation", async () => {
    const owner = await makeUser("client");
    const colleague = await makeUser("client");
    const organization = await makeOrganization(owner, [{ actor: colleague, role: "member" }]);
    expect(await inviteMember(owner, { organizationId: organization.id, email: "not-an-email", role: "member" })).toEqual({
      ok: false,
      error: "invalid",
      fields: { email: "emailInvalid" },
    });
    expect(await inviteMember(owner, { organizationId: organization.id, email: colleague.email, role: "member" })).toMatchObject({
      ok: false,
      error: "already_member",
    });
  });

  it("refuses anonymous visitors, plain members, experts and owners of another organisation", async () => {
    const owner = await makeUser("client");
    const member = await makeUser("client");
    const organization = await makeOrganization(owner, [{ actor: member, role: "member" }]);
    const otherOwner = await makeUser("client");
    await makeOrganization(otherOwner);
    const expert = await makeUser("expert");
    const input = { organizationId: organization.id, email: "x@example.test", role: "member" as const };

    await expect(inviteMember(null, input)).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(inviteMember(member, input)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(inviteMember(otherOwner, input)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(inviteMember(expert, input)).rejects.toThrow(new PolicyError("forbidden"));
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "x@example.test"))).toHaveLength(0);
  });
});

describe("acceptInvitation", () => {
  async function invited(email: string, role: "owner" | "member" = "member") {
    const owner = await makeUser("client");
    const organization = await makeOrganization(owner);
    await inviteMember(owner, { organizationId: organization.id, email, role });
    return { organization, token: await tokenSentTo(email) };
  }

  it("makes the invited person, signed in with the invited address, a client member", async () => {
    const newcomer = await makeUser(null, { email: "newcomer@example.test" });
    const { organization, token } = await invited("newcomer@example.test", "owner");
    expect(await acceptInvitation(newcomer, { token })).toEqual({ ok: true, value: { organizationId: organization.id } });
    const [membership] = await db.select().from(organizationMembers).where(eq(organizationMembers.userId, newcomer.id));
    expect(membership).toMatchObject({ organizationId: organization.id, role: "owner" });
    const [user] = await db.select().from(users).where(eq(users.id, newcomer.id));
    expect(user?.role).toBe("client");
    expect(await acceptInvitation(newcomer, { token })).toEqual({ ok: false, error: "used" });
  });

  it("refuses another account, an expert, an unknown token, an expired invitation and anonymous visitors", async () => {
    const { token } = await invited("right@example.test");
    const someoneElse = await makeUser("client");
    expect(await acceptInvitation(someoneElse, { token })).toEqual({ ok: false, error: "wrong_account" });
    await expect(acceptInvitation(null, { token })).rejects.toThrow(new PolicyError("unauthenticated"));
    expect(await acceptInvitation(someoneElse, { token: "nope" })).toEqual({ ok: false, error: "not_found" });

    const expert = await makeUser("expert", { email: "expert-invited@example.test" });
    const forExpert = await invited("expert-invited@example.test");
    expect(await acceptInvitation(expert, { token: forExpert.token })).toEqual({ ok: false, error: "wrong_role" });

    const late = await makeUser(null, { email: "late@example.test" });
    const expired = await invited("late@example.test");
    await db.update(organizationInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(organizationInvitations.email, "late@example.test"));
    expect(await acceptInvitation(late, { token: expired.token })).toEqual({ ok: false, error: "expired" });
  });

  it("refuses someone who already belongs to an organisation", async () => {
    const busy = await makeUser("client", { email: "busy@example.test" });
    await makeOrganization(busy);
    const { token } = await invited("busy@example.test");
    expect(await acceptInvitation(busy, { token })).toEqual({ ok: false, error: "already_member" });
  });
});
