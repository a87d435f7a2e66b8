import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ADMIN_USERS_PAGE_SIZE, getUserForAdmin, listUsersForAdmin } from "@/lib/accounts/admin-users";
import { reinstateUser, suspendUser } from "@/lib/accounts/suspension";
import { PolicyError } from "@/lib/auth/policy";
import { makeActiveContract } from "../../helpers/contracts";
import { makeUser } from "../../helpers/factories";

describe("the admin account list", () => {
  it("finds accounts by part of the email or the name, any case; % and _ match themselves", async () => {
    const admin = await makeUser("admin");
    const tag = randomBytes(4).toString("hex");
    const byEmail = await makeUser("client", { email: `claire.${tag}@boulangerie.example`, name: "Claire Martin" });
    const byName = await makeUser("expert", { name: `Karim ${tag.toUpperCase()} Haddad` });
    await makeUser("client", { email: `x_y.${tag}@example.test` });

    const found = await listUsersForAdmin(admin, { q: tag });
    expect(found.users.map((u) => u.id).sort()).toEqual(expect.arrayContaining([byEmail.id, byName.id]));
    expect(found.totalCount).toBe(3);
    expect((await listUsersForAdmin(admin, { q: `CLAIRE.${tag.toUpperCase()}` })).users.map((u) => u.id)).toEqual([byEmail.id]);
    expect((await listUsersForAdmin(admin, { q: `x_y.${tag}` })).totalCount).toBe(1);
    expect((await listUsersForAdmin(admin, { q: `x%y.${tag}` })).totalCount).toBe(0);
    expect((await listUsersForAdmin(admin, { q: `  ${tag}  ` })).q).toBe(tag);
  });

  it("pages through the accounts, newest first, with a page kept within bounds", async () => {
    const admin = await makeUser("admin");
    const tag = randomBytes(4).toString("hex");
    for (let i = 0; i < ADMIN_USERS_PAGE_SIZE + 2; i += 1) await makeUser("client", { name: `Page ${tag} ${i}` });
    const first = await listUsersForAdmin(admin, { q: tag });
    expect(first).toMatchObject({ page: 1, pages: 2, totalCount: ADMIN_USERS_PAGE_SIZE + 2 });
    expect(first.users).toHaveLength(ADMIN_USERS_PAGE_SIZE);
    expect(first.users[0]?.name).toBe(`Page ${tag} ${ADMIN_USERS_PAGE_SIZE + 1}`);
    const second = await listUsersForAdmin(admin, { q: tag, page: 2 });
    expect(second.users.map((u) => u.name)).toEqual([`Page ${tag} 1`, `Page ${tag} 0`]);
    expect((await listUsersForAdmin(admin, { q: tag, page: 99 })).page).toBe(2);
    expect((await listUsersForAdmin(admin, { q: tag, page: Number.NaN })).page).toBe(1);
  });

  it("refuses everybody but admins", async () => {
    await expect(listUsersForAdmin(null)).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(getUserForAdmin(null, "00000000-0000-4000-8000-000000000000")).rejects.toThrow(new PolicyError("unauthenticated"));
    for (const role of ["client", "expert", null] as const) {
      const someone = await makeUser(role);
      await expect(listUsersForAdmin(someone)).rejects.toThrow(new PolicyError("forbidden"));
      await expect(getUserForAdmin(someone, someone.id)).rejects.toThrow(new PolicyError("forbidden"));
    }
  });
});

describe("the admin page of one account", () => {
  it("shows the role, organisations, expert profile, contracts, suspension and history", async () => {
    const admin = await makeUser("admin");
    const { owner, expert, contractId } = await makeActiveContract();
    expect((await suspendUser(admin, { userId: owner.id, reason: "Paiement contesté, à vérifier" })).ok).toBe(true);
    expect((await reinstateUser(admin, { userId: owner.id, reason: "Vérifié avec la banque" })).ok).toBe(true);

    const client = await getUserForAdmin(admin, owner.id);
    expect(client?.user).toMatchObject({ id: owner.id, role: "client", suspendedAt: null });
    expect(client?.organizations).toHaveLength(1);
    expect(client?.organizations[0]).toMatchObject({ role: "owner" });
    expect(client?.expertProfile).toBeNull();
    expect(client?.contracts).toEqual([expect.objectContaining({ id: contractId, side: "client", status: "active" })]);
    expect(client?.history.map((h) => [h.action, h.reason, h.actorEmail])).toEqual([
      ["user.reinstated", "Vérifié avec la banque", admin.email],
      ["user.suspended", "Paiement contesté, à vérifier", admin.email],
    ]);

    const theExpert = await getUserForAdmin(admin, expert.id);
    expect(theExpert?.expertProfile).toMatchObject({ status: "verified" });
    expect(theExpert?.contracts).toEqual([expect.objectContaining({ id: contractId, side: "expert" })]);
    expect(theExpert?.organizations).toEqual([]);

    expect(await getUserForAdmin(admin, "not-a-uuid")).toBeNull();
    expect(await getUserForAdmin(admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
