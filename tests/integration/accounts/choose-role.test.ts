import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { chooseRole } from "@/lib/accounts/choose-role";
import { PolicyError } from "@/lib/auth/policy";
import { makeUser } from "../../helpers/factories";

describe("chooseRole", () => {
  it("records the first choice, and only the first", async () => {
    const newcomer = await makeUser(null);
    expect(await chooseRole(newcomer, { role: "expert", name: " Sophie Bernard ", locale: "en" })).toEqual({ ok: true, value: { role: "expert" } });
    expect(await chooseRole(newcomer, { role: "client", name: "Autre Nom" })).toEqual({ ok: false, error: "already_chosen" });
    const [row] = await db.select().from(users).where(eq(users.id, newcomer.id));
    expect(row).toMatchObject({ role: "expert", name: "Sophie Bernard", locale: "en" });
  });

  it("refuses a role that is not offered (nobody makes themselves admin)", async () => {
    const newcomer = await makeUser(null);
    expect(await chooseRole(newcomer, { role: "admin" as never, name: "Eve" })).toEqual({ ok: false, error: "invalid", fields: { role: "required" } });
    expect(await chooseRole(newcomer, { role: "client", name: "E" })).toEqual({ ok: false, error: "invalid", fields: { name: "nameLength" } });
    const [row] = await db.select().from(users).where(eq(users.id, newcomer.id));
    expect(row?.role).toBeNull();
  });

  it("refuses anonymous visitors and accounts that already have a role", async () => {
    await expect(chooseRole(null, { role: "client", name: "Anon Ymous" })).rejects.toThrow(new PolicyError("unauthenticated"));
    const admin = await makeUser("admin");
    expect(await chooseRole(admin, { role: "client", name: "Alice Admin" })).toEqual({ ok: false, error: "already_chosen" });
  });
});
