import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { catalogSoftware, organizationMembers, organizations, users } from "../schema";
import { catalog } from "./catalog-data";

/** Demo accounts: sign in as any of them through the local mailbox (`/dev/mailbox`). */
export const demoAccounts = {
  clientOwner: { email: "claire.martin@boulangerie-martin.example", name: "Claire Martin", role: "client" as const },
  clientMember: { email: "julien.petit@boulangerie-martin.example", name: "Julien Petit", role: "client" as const },
  expertSophie: { email: "sophie.bernard@libre-conseil.example", name: "Sophie Bernard", role: "expert" as const },
  expertThomas: { email: "thomas.leroy@tux-services.example", name: "Thomas Leroy", role: "expert" as const },
  admin: { email: "admin@compagnon.example", name: "Alice Admin", role: "admin" as const },
};

export const demoOrganization = {
  legalName: "Boulangerie Martin SARL",
  siren: "812345676",
  siret: "81234567600009",
  vatNumber: "FR19812345676",
  addressLine1: "12 rue des Lilas",
  postalCode: "69003",
  city: "Lyon",
};

/** The software catalogue: inserted or refreshed by slug, safe to run on every start. */
export async function seedCatalog(db: Database): Promise<number> {
  await db
    .insert(catalogSoftware)
    .values(catalog.map((entry) => ({ ...entry })))
    .onConflictDoUpdate({
      target: catalogSoftware.slug,
      set: {
        name: sql`excluded.name`,
        category: sql`excluded.category`,
        licence: sql`excluded.licence`,
        website: sql`excluded.website`,
        descriptionFr: sql`excluded.description_fr`,
        descriptionEn: sql`excluded.description_en`,
        sill: sql`excluded.sill`,
      },
    });
  return catalog.length;
}

/** Demo people and the demo client organisation; only when the database has no user yet. */
export async function seedDemo(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [{ count } = { count: 0 }] = await tx.execute<{ count: number }>(sql`select count(*)::int as count from users`);
    if (Number(count) > 0) return false;
    const created = await tx
      .insert(users)
      .values(Object.values(demoAccounts).map((a) => ({ ...a, emailVerified: new Date() })))
      .returning({ id: users.id, email: users.email });
    const idOf = (email: string) => created.find((u) => u.email === email)?.id ?? "";
    const [organization] = await tx
      .insert(organizations)
      .values({ ...demoOrganization, createdById: idOf(demoAccounts.clientOwner.email) })
      .returning({ id: organizations.id });
    if (!organization) throw new Error("demo organisation not created");
    await tx.insert(organizationMembers).values([
      { organizationId: organization.id, userId: idOf(demoAccounts.clientOwner.email), role: "owner" },
      { organizationId: organization.id, userId: idOf(demoAccounts.clientMember.email), role: "member" },
    ]);
    return true;
  });
}
