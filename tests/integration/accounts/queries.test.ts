import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { createAdmin } from "@/lib/accounts/create-admin";
import { getAdminOverview } from "@/lib/accounts/queries";
import { setUserLocale } from "@/lib/accounts/set-locale";
import { PolicyError } from "@/lib/auth/policy";
import { inviteMember } from "@/lib/organizations/invitations";
import { getMyOrganization } from "@/lib/organizations/queries";
import { makeOrganization, makeUser } from "../../helpers/factories";

describe("getAdminOverview", () => {
  it("shows admins the latest accounts and counts per role", async () => {
    const admin = await makeUser("admin");
    await makeUser("expert");
    const overview = await getAdminOverview(admin);
    expect(overview.latest.map((u) => u.id)).toContain(admin.id);
    expect(overview.byRole.find((r) => r.role === "expert")?.total).toBeGreaterThanOrEqual(1);
  });

  it("refuses everybody else", async () => {
    await expect(getAdminOverview(null)).rejects.toThrow(new PolicyError("unauthenticated"));
    for (const role of ["client", "expert", null] as const) {
      await expect(getAdminOverview(await makeUser(role))).rejects.toThrow(new PolicyError("forbidden"));
    }
  });
});

describe("getMyOrganization", () => {
  it("gives a member its own organisation; owners also see pending invitations", async () => {
    const owner = await makeUser("client");
    const member = await makeUser("client");
    const organization = await makeOrganization(owner, [{ actor: member, role: "member" }]);
    await inviteMember(owner, { organizationId: organization.id, email: "pending@example.test", role: "member" });

    const mine = await getMyOrganization(owner);
    expect(mine?.organization.id).toBe(organization.id);
    expect(mine?.members.map((m) => m.userId)).toEqual([owner.id, member.id]);
    expect(mine?.invitations.map((i) => i.email)).toEqual(["pending@example.test"]);

    const asMember = await getMyOrganization(member);
    expect(asMember?.myRole).toBe("member");
    expect(asMember?.invitations).toEqual([]);
    expect(await getMyOrganization(await makeUser("client"))).toBeNull();
  });

  it("refuses anonymous visitors, experts and admins", async () => {
    await expect(getMyOrganization(null)).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(getMyOrganization(await makeUser("expert"))).rejects.toThrow(new PolicyError("forbidden"));
    await expect(getMyOrganization(await makeUser("admin"))).rejects.toThrow(new PolicyError("forbidden"));
  });
});

describe("setUserLocale", () => {
  it("stores the person's language, so their emails follow it", async () => {
    const user = await makeUser("client");
    await setUserLocale(user, "en");
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.locale).toBe("en");
    await expect(setUserLocale(user, "de" as never)).rejects.toThrow();
    await expect(setUserLocale(null, "en")).rejects.toThrow(new PolicyError("unauthenticated"));
  });
});

describe("createAdmin (operator command)", () => {
  it("creates the account as admin, or promotes an existing one", async () => {
    const created = await createAdmin(" New.Admin@Example.TEST ");
    expect(created.email).toBe("new.admin@example.test");
    const existing = await makeUser("client");
    await createAdmin(existing.email);
    const [row] = await db.select().from(users).where(eq(users.id, existing.id));
    expect(row?.role).toBe("admin");
    await expect(createAdmin("not an email")).rejects.toThrow();
  });
});
