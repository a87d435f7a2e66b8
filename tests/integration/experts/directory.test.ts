import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { evidenceFiles, expertProfiles } from "@/db/schema";
import { directoryFiltersSchema, getPublicExpert, searchExperts } from "@/lib/experts/directory";
import { decideVerification } from "@/lib/experts/vetting";
import { updateExpertProfile } from "@/lib/experts/profile";
import { approval, completeProfileInput, daysAgo, makeCompleteExpert, softwareId } from "../../helpers/experts";
import { makeUser } from "../../helpers/factories";

const search = (query: Record<string, string>) => searchExperts(directoryFiltersSchema.parse(query));

let lyon: { slug: string; id: string };
let paris: { slug: string; id: string };

beforeAll(async () => {
  const admin = await makeUser("admin");
  const a = await makeCompleteExpert({ submit: true });
  await decideVerification(admin, { profileId: a.profileId, decision: "approve", ...approval });
  const b = await makeCompleteExpert();
  const input = await completeProfileInput();
  await updateExpertProfile(b.actor, {
    ...input,
    displayName: "Paul Odoo",
    headline: "Odoo et Dolibarr pour les commerces",
    bio: "Je déploie des serveurs Odoo pour les commerçants parisiens, avec formation des équipes et maintenance mensuelle de leurs serveurs.",
    departments: ["75"],
    remoteOk: false,
    dailyRateEuros: 800,
    serviceKinds: ["training"],
    skills: [{ softwareId: await softwareId("odoo"), level: 3, years: 6 }],
  });
  const { submitProfile } = await import("@/lib/experts/vetting");
  await submitProfile(b.actor);
  await decideVerification(admin, { profileId: b.profileId, decision: "approve", ...approval });
  await makeCompleteExpert({ submit: true }); // not verified: never listed
  const rows = await db.select().from(expertProfiles);
  const slugOf = (id: string) => rows.find((r) => r.id === id)?.slug ?? "";
  lyon = { id: a.profileId, slug: slugOf(a.profileId) };
  paris = { id: b.profileId, slug: slugOf(b.profileId) };
});

describe("expert directory", () => {
  it("lists verified experts only", async () => {
    const all = await search({});
    expect(all.total).toBe(2);
    expect(all.experts.map((e) => e.slug).sort()).toEqual([lyon.slug, paris.slug].sort());
  });

  it("finds by software or words, French stemming included", async () => {
    expect((await search({ q: "nextcloud" })).experts.map((e) => e.slug)).toEqual([lyon.slug]);
    expect((await search({ software: "odoo" })).experts.map((e) => e.slug)).toEqual([paris.slug]);
    // "serveur" (singular) finds the bio that says "serveurs".
    expect((await search({ q: "serveur" })).experts.map((e) => e.slug)).toContain(paris.slug);
  });

  it("filters by service kind, département or remote, and maximum daily rate, combined", async () => {
    expect((await search({ kind: "training" })).experts.map((e) => e.slug)).toEqual([paris.slug]);
    expect((await search({ departement: "75" })).experts.map((e) => e.slug)).toEqual([paris.slug]);
    expect((await search({ remote: "1" })).experts.map((e) => e.slug)).toEqual([lyon.slug]);
    expect((await search({ departement: "75", remote: "1" })).total).toBe(2);
    expect((await search({ maxRate: "600" })).experts.map((e) => e.slug)).toEqual([lyon.slug]);
    expect((await search({ maxRate: "600", kind: "training" })).total).toBe(0);
  });

  it("ignores nonsense filters instead of failing", async () => {
    const result = await search({ departement: "99", kind: "hacking", maxRate: "abc", page: "-3" });
    expect(result.total).toBe(2);
    expect(result.page).toBe(1);
  });

  it("public page: only public fields, never private ones; hidden once suspended", async () => {
    const expert = await getPublicExpert(lyon.slug);
    expect(expert).toMatchObject({ displayName: "Sophie Bernard", dailyRateCents: 55_000, urssafStale: false });
    const serialized = JSON.stringify(expert);
    for (const secret of ["81234567600009", "FR19812345676", "RC-123456", "MAAF", "evidence/"]) expect(serialized).not.toContain(secret);
    expect(expert?.skills.map((s) => s.slug)).toEqual(["nextcloud", "wireguard"]);

    await db.update(expertProfiles).set({ publicFields: [] }).where(eq(expertProfiles.id, lyon.id));
    const minimal = await getPublicExpert(lyon.slug);
    expect(minimal).toMatchObject({ bio: null, links: null, references: [], languages: null });

    await db.update(evidenceFiles).set({ issuedOn: daysAgo(200) }).where(eq(evidenceFiles.profileId, lyon.id));
    expect((await getPublicExpert(lyon.slug))?.urssafStale).toBe(true);

    await db.update(expertProfiles).set({ status: "suspended" }).where(eq(expertProfiles.id, lyon.id));
    expect(await getPublicExpert(lyon.slug)).toBeNull();
    expect((await search({})).total).toBe(1);
  });

  it("ranks the expert whose own matching skill is higher above a text that repeats the word more", async () => {
    const admin = await makeUser("admin");
    const { submitProfile } = await import("@/lib/experts/vetting");
    const verified = async (changes: Partial<Awaited<ReturnType<typeof completeProfileInput>>>) => {
      const expert = await makeCompleteExpert();
      await updateExpertProfile(expert.actor, { ...(await completeProfileInput()), ...changes });
      await submitProfile(expert.actor);
      await decideVerification(admin, { profileId: expert.profileId, decision: "approve", ...approval });
      return expert.profileId;
    };
    const skilled = await verified({
      displayName: "Marc Tunnel",
      headline: "Réseaux privés pour les PME",
      bio: "Je relie les sites de mes clients par des tunnels WireGuard et je forme leurs équipes à l’administration.",
      skills: [{ softwareId: await softwareId("wireguard"), level: 3, years: 6 }],
    });
    // Verified later, and the word four times: a higher text rank, but no WireGuard skill.
    const wordy = await verified({
      displayName: "Wendy Réseau",
      headline: "WireGuard, WireGuard et encore WireGuard",
      bio: "Des tunnels WireGuard pour les commerces, sur chaque poste et entre les boutiques de la région.",
      skills: [{ softwareId: await softwareId("odoo"), level: 1, years: 1 }],
    });
    const found = (await search({ q: "wireguard" })).experts.map((e) => e.id);
    expect(found.filter((id) => id === skilled || id === wordy)).toEqual([skilled, wordy]);
  });
});
