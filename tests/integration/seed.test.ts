import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { catalogSoftware, organizationMembers, users } from "@/db/schema";
import { catalogCategory } from "@/db/schema";
import { demoAccounts, seedCatalog, seedDemo } from "@/db/seed/seed";
import { isValidSiren, isValidSiret, checkVatNumber } from "@/lib/organizations/identifiers";
import { demoOrganization } from "@/db/seed/seed";

describe("seed", () => {
  it("loads a catalogue of at least 40 programs covering every category, and can run again", async () => {
    const count = await seedCatalog(db);
    expect(count).toBeGreaterThanOrEqual(40);
    await seedCatalog(db);
    const rows = await db.select().from(catalogSoftware);
    expect(rows).toHaveLength(count);
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set(catalogCategory.enumValues));
    expect(rows.some((r) => r.sill)).toBe(true);
    for (const row of rows) {
      expect(row.descriptionFr.length).toBeGreaterThan(10);
      expect(row.descriptionEn.length).toBeGreaterThan(10);
      expect(row.website).toMatch(/^https:\/\//);
    }
    expect(rows.map((r) => r.slug)).toEqual(expect.arrayContaining(["nextcloud", "dolibarr", "wireguard"]));
  });

  it("creates the demo accounts once: a two-member client organisation, two experts, an admin", async () => {
    expect(await seedDemo(db)).toBe(true);
    expect(await seedDemo(db)).toBe(false);
    const people = await db.select().from(users);
    expect(people.map((p) => [p.email, p.role]).sort()).toEqual(
      Object.values(demoAccounts)
        .map((a) => [a.email, a.role])
        .sort(),
    );
    const members = await db.select().from(organizationMembers);
    expect(members.map((m) => m.role).sort()).toEqual(["member", "owner"]);
    expect(isValidSiren(demoOrganization.siren) && isValidSiret(demoOrganization.siret)).toBe(true);
    expect(checkVatNumber(demoOrganization.vatNumber, demoOrganization.siren)).toBe("valid");
    const [admins] = await db.execute<{ n: number }>(sql`select count(*)::int as n from users where role = 'admin'`);
    expect(Number(admins?.n)).toBe(1);
  });
});

describe("demo contract", () => {
  it("is made through the use cases: an active contract between Claire and Sophie, ready to fund", async () => {
    const { seedDemoContract, demoContractTitle } = await import("@/scripts/lib/demo-contract");
    const { contracts, contractMilestones, billingMandates } = await import("@/db/schema");
    await seedDemoContract();
    const [contract] = await db.select().from(contracts);
    expect(contract).toMatchObject({ status: "active", totalCents: 200_000, personalData: false });
    expect(contract?.facts.job.title).toBe(demoContractTitle);
    const milestones = await db.select().from(contractMilestones);
    expect(milestones.map((m) => m.status)).toEqual(["pending", "pending", "pending"]);
    expect(await db.select().from(billingMandates)).toHaveLength(1);
  });
});
