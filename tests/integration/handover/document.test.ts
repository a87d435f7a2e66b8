import { eq } from "drizzle-orm";
import { extractText } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { decideAccess } from "@/lib/handover/decisions";
import { handoverPdf } from "@/lib/handover/download";
import { deliverHandoverPack } from "@/lib/handover/pack";
import { recordAccess } from "@/lib/handover/register";
import { fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { pdfBytes } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";

let admin: Actor;
let outsider: Actor;
beforeAll(async () => {
  admin = await makeUser("admin");
  outsider = await makeUser("client");
  await makeOrganization(outsider);
});

const textOf = async (pdf: Uint8Array) => (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, " ");

async function deliveredPack() {
  const c = await makeActiveContract({ job: { kind: "installation", title: "Installer Nextcloud au cabinet" } });
  const ids: string[] = [];
  for (const [kind, label] of [["host", "ssh deploy@srv1.example.fr"], ["vpn_key", "WireGuard wg0, portable de Sophie"], ["software_admin", "Compte admin Nextcloud « sophie »"]] as const) {
    const recorded = await recordAccess(c.expert, { contractId: c.contractId, kind, label, holder: "Sophie Bernard", since: "2026-11-02" });
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
    ids.push(recorded.value.accessId);
  }
  for (const milestoneId of c.milestoneIds) await fundMilestone(c.owner, milestoneId);
  const delivered = await deliverHandoverPack(c.expert, {
    contractId: c.contractId,
    architecture: "srv1 (Debian 12, VPS Scaleway) : Nextcloud 29.0.4, PostgreSQL 15, Caddy 2.7, Redis 7.",
    backups: "BorgBackup chaque nuit à 2 h vers backup.example.fr (autre hébergeur), 30 jours gardés.",
    restoreProcedure: "borg extract de la dernière archive, puis pg_restore et occ maintenance:mode --off.",
    lastRestoreTestOn: "2026-11-28",
    adminAccounts: "Compte admin Nextcloud « claire » remis à Claire Martin.",
    updateProcedure: "unattended-upgrades pour Debian ; occ upgrade après lecture des notes de version.",
    revokeAccessIds: [ids[0]!, ids[1]!],
    file: { name: "schema-reseau.pdf", bytes: pdfBytes("schéma") },
  });
  if (!delivered.ok) throw new Error(JSON.stringify(delivered));
  return { ...c, ids };
}

describe("the handover pack as a PDF", () => {
  it("says everything the pack holds, with the register and the client's answers, in the client's language by default", async () => {
    const c = await deliveredPack();
    expect(await decideAccess(c.owner, { contractId: c.contractId, accessId: c.ids[0]!, decision: "revoked" })).toMatchObject({ ok: true });
    expect(await decideAccess(c.owner, { contractId: c.contractId, accessId: c.ids[1]!, decision: "kept" })).toMatchObject({ ok: true });

    const fr = await handoverPdf(c.expert, c.contractId, null);
    if (!fr.ok) throw new Error(JSON.stringify(fr));
    expect(fr.value.fileName).toBe("dossier-de-remise-fr.pdf");
    const text = await textOf(fr.value.bytes);
    for (const expected of [
      "Dossier de remise",
      "Installer Nextcloud au cabinet",
      "Nextcloud 29.0.4",
      "backup.example.fr",
      "Dernier test de restauration : 28 novembre 2026.",
      "Compte admin Nextcloud « claire » remis à Claire Martin.",
      "unattended-upgrades",
      "Fichier joint au dossier sur Compagnon : schema-reseau.pdf",
      "Serveur (SSH) — ssh deploy@srv1.example.fr. Détenu par Sophie Bernard depuis le 2 novembre 2026. Révoqué le",
      "Clé VPN — WireGuard wg0, portable de Sophie.",
      "Conservé par décision du client",
      "Administration d’un logiciel — Compte admin Nextcloud « sophie ». Détenu par Sophie Bernard depuis le 2 novembre 2026. En service.",
      "Ce dossier ne contient aucun mot de passe",
    ]) {
      expect(text).toContain(expected.replace(/\s+/g, " "));
    }

    await db.update(users).set({ locale: "en" }).where(eq(users.id, c.owner.id));
    const en = await handoverPdf(admin, c.contractId, null);
    if (!en.ok) throw new Error(JSON.stringify(en));
    expect(en.value.fileName).toBe("handover-pack-en.pdf");
    const english = await textOf(en.value.bytes);
    expect(english).toContain("Handover pack");
    expect(english).toContain("Last restore test: 28 November 2026.");
    expect(english).toContain("Accesses to revoke");
    expect(english).toContain("Kept by the client’s decision");
    const asked = await handoverPdf(c.owner, c.contractId, "fr");
    expect(asked.ok && asked.value.fileName).toBe("dossier-de-remise-fr.pdf");
  });

  it("is for the contract's parties and admins only, once delivered", async () => {
    const waiting = await makeActiveContract();
    expect(await handoverPdf(waiting.owner, waiting.contractId, "fr")).toEqual({ ok: false, error: "not_found" });
    const c = await deliveredPack();
    for (const actor of [outsider, null]) {
      await expect(handoverPdf(actor, c.contractId, "fr")).rejects.toThrow(PolicyError);
    }
  });
});
