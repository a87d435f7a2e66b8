import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { catalogSoftware, expertProfiles, expertSkills, organizationMembers, organizations, users } from "../schema";
import { catalog } from "./catalog-data";
import { seedSavingsPrices } from "./savings";

/** Demo accounts: sign in as any of them through the local mailbox (`/dev/mailbox`). */
export const demoAccounts = {
  clientOwner: { email: "claire.martin@boulangerie-martin.example", name: "Claire Martin", role: "client" as const },
  clientMember: { email: "julien.petit@boulangerie-martin.example", name: "Julien Petit", role: "client" as const },
  expertSophie: { email: "sophie.bernard@libre-conseil.example", name: "Sophie Bernard", role: "expert" as const },
  expertThomas: { email: "thomas.leroy@tux-services.example", name: "Thomas Leroy", role: "expert" as const },
  expertKarim: { email: "karim.haddad@odoo-atelier.example", name: "Karim Haddad", role: "expert" as const },
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
  await seedSavingsPrices(db);
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
    await seedDemoExperts(tx, idOf);
    return true;
  });
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Sophie and Karim are verified (listed in /experts); Thomas has only started his profile. */
async function seedDemoExperts(tx: Tx, idOf: (email: string) => string) {
  const software = await tx.select({ id: catalogSoftware.id, slug: catalogSoftware.slug }).from(catalogSoftware);
  const softwareId = (slug: string) => software.find((s) => s.slug === slug)?.id;
  const [sophie] = await tx
    .insert(expertProfiles)
    .values({
      userId: idOf(demoAccounts.expertSophie.email),
      slug: "sophie-bernard",
      displayName: demoAccounts.expertSophie.name,
      headline: "Nextcloud, VPN WireGuard et sauvegardes pour les PME",
      bio: "Administratrice systèmes depuis douze ans, j’installe **Nextcloud**, des tunnels **WireGuard** entre bureaux et serveurs, et des sauvegardes chiffrées avec BorgBackup.\n\nJe documente tout et je forme vos équipes pour que vous restiez autonomes.",
      serviceKinds: ["installation", "support", "training"],
      dailyRateCents: 55_000,
      departments: ["69", "42", "01"],
      remoteOk: true,
      languages: ["fr", "en"],
      legalForm: "eurl",
      siret: "90312345300008",
      vatRegime: "vat_registered",
      vatNumber: "FR30903123453",
      tradeRegister: "rcs",
      tradeRegisterPlace: "Lyon",
      shareCapitalCents: 500_000,
      insurer: "Hiscox",
      insurancePolicyNumber: "HX-2026-0042",
      insuranceExpiresOn: "2027-12-31",
      links: { website: "https://libre-conseil.example", forge: "https://codeberg.org/sophie-bernard" },
      status: "verified",
      submittedAt: new Date(),
      verifiedAt: new Date(),
      searchText: "Sophie Bernard Nextcloud WireGuard BorgBackup sauvegardes VPN PME",
    })
    .returning({ id: expertProfiles.id });
  const skills = [
    ["nextcloud", 3, 9],
    ["wireguard", 3, 5],
    ["borgbackup", 2, 6],
  ] as const;
  if (sophie) {
    const rows = skills.flatMap(([slug, level, years]) => {
      const id = softwareId(slug);
      return id ? [{ profileId: sophie.id, softwareId: id, level, years }] : [];
    });
    if (rows.length) await tx.insert(expertSkills).values(rows);
  }
  const [karim] = await tx
    .insert(expertProfiles)
    .values({
      userId: idOf(demoAccounts.expertKarim.email),
      slug: "karim-haddad",
      displayName: demoAccounts.expertKarim.name,
      headline: "Odoo et Dolibarr pour la gestion des petites entreprises",
      bio: "Intégrateur **Odoo** et **Dolibarr** depuis huit ans : devis, factures, stocks et caisse. J’installe sur un serveur en France, je reprends vos données et je forme vos équipes.",
      serviceKinds: ["installation", "support", "training"],
      dailyRateCents: 48_000,
      departments: ["69", "75", "13"],
      remoteOk: true,
      languages: ["fr"],
      legalForm: "micro_entrepreneur",
      siret: "88234567100011",
      vatRegime: "franchise",
      insurer: "MMA",
      insurancePolicyNumber: "MMA-PRO-7781",
      insuranceExpiresOn: "2027-09-30",
      links: { website: "https://odoo-atelier.example" },
      status: "verified",
      submittedAt: new Date(),
      verifiedAt: new Date(),
      searchText: "Karim Haddad Odoo Dolibarr gestion facturation stocks PME",
    })
    .returning({ id: expertProfiles.id });
  const karimSkills = [
    ["odoo", 3, 8],
    ["dolibarr", 3, 6],
    ["nextcloud", 2, 3],
  ] as const;
  if (karim) {
    const rows = karimSkills.flatMap(([slug, level, years]) => {
      const id = softwareId(slug);
      return id ? [{ profileId: karim.id, softwareId: id, level, years }] : [];
    });
    if (rows.length) await tx.insert(expertSkills).values(rows);
  }
  await tx.insert(expertProfiles).values({
    userId: idOf(demoAccounts.expertThomas.email),
    slug: "thomas-leroy",
    displayName: demoAccounts.expertThomas.name,
  });
}
