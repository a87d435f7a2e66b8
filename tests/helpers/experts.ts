import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { catalogSoftware, expertProfiles } from "@/db/schema";
import { seedCatalog } from "@/db/seed/seed";
import { chooseRole } from "@/lib/accounts/choose-role";
import type { Actor } from "@/lib/auth/actor";
import { uploadEvidence } from "@/lib/experts/evidence";
import { updateExpertProfile } from "@/lib/experts/profile";
import type { ExpertProfileInput } from "@/lib/experts/schemas";
import { makeUser } from "./factories";

export const pdfBytes = (text = "evidence") => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);

export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

export async function softwareId(slug: string): Promise<string> {
  if ((await db.select().from(catalogSoftware).limit(1)).length === 0) await seedCatalog(db);
  const [row] = await db.select({ id: catalogSoftware.id }).from(catalogSoftware).where(eq(catalogSoftware.slug, slug));
  if (!row) throw new Error(`no software ${slug}`);
  return row.id;
}

export async function completeProfileInput(): Promise<ExpertProfileInput> {
  return {
    displayName: "Sophie Bernard",
    headline: "Nextcloud et sauvegardes pour les PME",
    bio: "J’installe et maintiens Nextcloud, WireGuard et BorgBackup pour des PME depuis dix ans, avec une documentation claire et une formation des équipes.",
    serviceKinds: ["installation", "support"],
    dailyRateEuros: 550,
    departments: ["69", "42"],
    remoteOk: true,
    languages: ["fr", "en"],
    legalForm: "eurl",
    siret: "81234567600009",
    vatRegime: "vat_registered",
    vatNumber: "FR19812345676",
    tradeRegister: "rcs",
    tradeRegisterPlace: "Lyon",
    shareCapitalEuros: "5 000",
    insurer: "MAAF Pro",
    insurancePolicyNumber: "RC-123456",
    insuranceExpiresOn: new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10),
    links: { website: "https://sophie.example", forge: "https://codeberg.org/sophie" },
    skills: [
      { softwareId: await softwareId("nextcloud"), level: 3, years: 8 },
      { softwareId: await softwareId("wireguard"), level: 2, years: 4 },
    ],
    references: [{ clientType: "Cabinet d’architectes, 12 personnes", project: "Migration vers Nextcloud et sauvegardes chiffrées", year: 2025 }],
    publicFields: ["bio", "links", "references", "languages"],
  };
}

/** An expert with a complete profile and all evidence; `submit` puts it in the vetting queue. */
export async function makeCompleteExpert(options: { submit?: boolean } = {}): Promise<{ actor: Actor; profileId: string }> {
  const actor = await makeUser(null);
  await chooseRole(actor, { role: "expert", name: "Sophie Bernard" });
  const expert = { ...actor, role: "expert" as const };
  const saved = await updateExpertProfile(expert, await completeProfileInput());
  if (!saved.ok) throw new Error(`profile not saved: ${JSON.stringify(saved)}`);
  for (const [kind, issuedOn] of [["registration", undefined], ["urssaf", daysAgo(30)], ["insurance", undefined]] as const) {
    const uploaded = await uploadEvidence(expert, { kind, issuedOn, file: { name: `${kind}.pdf`, bytes: pdfBytes(kind) } });
    if (!uploaded.ok) throw new Error(`evidence not uploaded: ${JSON.stringify(uploaded)}`);
  }
  const [profile] = await db.select().from(expertProfiles).where(eq(expertProfiles.userId, actor.id));
  if (!profile) throw new Error("no profile");
  if (options.submit) {
    const { submitProfile } = await import("@/lib/experts/vetting");
    const submitted = await submitProfile(expert);
    if (!submitted.ok) throw new Error(`not submitted: ${JSON.stringify(submitted)}`);
  }
  return { actor: expert, profileId: profile.id };
}

/** What an admin gives to approve: a note and every checklist point ticked. */
export const approval = {
  reason: "Identité, SIRET, assurance, URSSAF et compétences vérifiés sur pièces.",
  checklist: { identity: true, siret: true, insurance: true, urssaf: true, skills: true },
};
