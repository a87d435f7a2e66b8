import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, contractAccesses, emailOutbox, handoverPacks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { getAttachmentForDownload } from "@/lib/attachments/download";
import { parisDay } from "@/lib/dates";
import { decideAccess } from "@/lib/handover/decisions";
import { deliverHandoverPack } from "@/lib/handover/pack";
import { getHandoverView } from "@/lib/handover/queries";
import { recordAccess } from "@/lib/handover/register";
import { fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { pdfBytes } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";

let admin: Actor;
let outsiderClient: Actor;
let outsiderExpert: Actor;
beforeAll(async () => {
  admin = await makeUser("admin");
  outsiderClient = await makeUser("client");
  await makeOrganization(outsiderClient);
  outsiderExpert = await makeUser("expert");
});

const today = parisDay();

/** An installation in two milestones, the last one funded, with two accesses in the register. */
async function installation(options: { fundLast?: boolean; kind?: "installation" | "support_one_off" } = {}) {
  const contract = await makeActiveContract({ withMember: true, job: { kind: options.kind ?? "installation" } });
  const ids: string[] = [];
  for (const label of ["ssh deploy@srv1.example.fr", "Espace client OVH"]) {
    const recorded = await recordAccess(contract.expert, { contractId: contract.contractId, kind: label.startsWith("ssh") ? "host" : "hosting_panel", label, holder: "Sophie", since: today });
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
    ids.push(recorded.value.accessId);
  }
  // Milestones are funded in order: the first, then the last.
  await fundMilestone(contract.owner, contract.milestoneIds[0]!);
  if (options.fundLast !== false) await fundMilestone(contract.owner, contract.milestoneIds.at(-1)!);
  return { ...contract, accessIds: ids };
}

const pack = (contractId: string, revokeAccessIds: string[], overrides: Record<string, unknown> = {}) => ({
  contractId,
  architecture: "srv1 (Debian 12, VPS) : Nextcloud 29, PostgreSQL 15, Caddy 2.7.",
  backups: "BorgBackup chaque nuit vers un second VPS chez un autre hébergeur.",
  restoreProcedure: "borg extract de la dernière archive, puis pg_restore de la base.",
  lastRestoreTestOn: today,
  adminAccounts: "Compte admin Nextcloud remis à Claire Martin.",
  updateProcedure: "apt upgrade chaque mois, puis occ upgrade pour Nextcloud.",
  revokeAccessIds,
  ...overrides,
});

describe("the handover pack", () => {
  it("is delivered by the expert at the last milestone, with a diagram; accesses to revoke are marked, the client is emailed, and it is audited", async () => {
    const c = await installation();
    const delivered = await deliverHandoverPack(c.expert, { ...pack(c.contractId, [c.accessIds[0]!]), file: { name: "reseau.pdf", bytes: pdfBytes("schéma") } });
    expect(delivered).toEqual({ ok: true, value: undefined });
    const view = await getHandoverView(c.owner, c.contractId);
    expect(view.pack?.architecture).toContain("Nextcloud 29");
    expect(view.pack?.diagrams.map((d) => d.name)).toEqual(["reseau.pdf"]);
    expect(view.accesses.map((a) => a.toRevoke)).toEqual([true, false]);
    expect(view.can).toMatchObject({ deliver: false, decide: true });
    for (const actor of [c.owner, c.expert, admin]) {
      expect((await getAttachmentForDownload(actor, view.pack!.diagrams[0]!.id)).file.originalName).toBe("reseau.pdf");
    }
    await expect(getAttachmentForDownload(outsiderClient, view.pack!.diagrams[0]!.id)).rejects.toThrow(PolicyError);
    const emails = await db.select().from(emailOutbox).where(like(emailOutbox.idempotencyKey, `handover:packDelivered:${c.contractId}:%`));
    expect(emails.map((e) => e.toAddress).sort()).toEqual([c.owner.email, c.member!.email].sort());
    expect(await db.select().from(auditLog).where(and(eq(auditLog.subjectId, c.contractId), eq(auditLog.action, "handover.delivered")))).toHaveLength(1);
    expect(await deliverHandoverPack(c.expert, pack(c.contractId, []))).toEqual({ ok: false, error: "already_delivered" });
  });

  it("is refused to the client's members, admins, outsiders and anonymous visitors, and nothing is written", async () => {
    const c = await installation();
    for (const actor of [c.owner, c.member!, admin, outsiderClient, outsiderExpert, null]) {
      await expect(deliverHandoverPack(actor, pack(c.contractId, c.accessIds))).rejects.toThrow(PolicyError);
    }
    expect(await db.select().from(handoverPacks).where(eq(handoverPacks.contractId, c.contractId))).toHaveLength(0);
  });

  it("refuses bad input field by field: short texts, a future test date, a secret, an access that is not open", async () => {
    const c = await installation();
    const other = await installation();
    const refused = await deliverHandoverPack(
      c.expert,
      pack(c.contractId, [c.accessIds[0]!], { architecture: "srv1", lastRestoreTestOn: "2999-01-01", adminAccounts: "admin / password: Sup3rS3cret!", revokeAccessIds: ["nope"] }),
    );
    expect(refused).toEqual({ ok: false, error: "invalid", fields: { architecture: "handoverTextShort", lastRestoreTestOn: "notInFuture", adminAccounts: "secretRefused", revokeAccessIds: "handoverAccessUnknown" } });
    expect(await deliverHandoverPack(c.expert, pack(c.contractId, [other.accessIds[0]!]))).toEqual({ ok: false, error: "invalid", fields: { revokeAccessIds: "handoverAccessUnknown" } });
    expect(await deliverHandoverPack(c.expert, { ...pack(c.contractId, []), file: { name: "x.exe", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0]) } })).toEqual({
      ok: false,
      error: "invalid",
      fields: { file: "attachmentType" },
    });
    expect(await db.select().from(handoverPacks).where(eq(handoverPacks.contractId, c.contractId))).toHaveLength(0);
  });

  it("waits for the last milestone to be funded, and is no part of a contract that is not an installation", async () => {
    const early = await installation({ fundLast: false });
    expect(await deliverHandoverPack(early.expert, pack(early.contractId, []))).toEqual({ ok: false, error: "not_last_milestone" });
    expect((await getHandoverView(early.expert, early.contractId)).can.deliver).toBe(false);
    const support = await installation({ kind: "support_one_off" });
    expect(await deliverHandoverPack(support.expert, pack(support.contractId, []))).toEqual({ ok: false, error: "not_required" });
  });
});

describe("the client's answers on the accesses to revoke", () => {
  it("a member confirms one revoked and keeps another; the register says so and the expert is emailed each answer", async () => {
    const c = await installation();
    expect((await deliverHandoverPack(c.expert, pack(c.contractId, c.accessIds))).ok).toBe(true);
    const [ssh, panel] = c.accessIds as [string, string];
    expect(await decideAccess(c.member!, { contractId: c.contractId, accessId: ssh, decision: "revoked" })).toEqual({ ok: true, value: undefined });
    expect(await decideAccess(c.owner, { contractId: c.contractId, accessId: panel, decision: "kept" })).toEqual({ ok: true, value: undefined });
    expect(await decideAccess(c.owner, { contractId: c.contractId, accessId: ssh, decision: "kept" })).toEqual({ ok: false, error: "already_decided" });
    const rows = await db.select().from(contractAccesses).where(eq(contractAccesses.contractId, c.contractId));
    const bySsh = rows.find((r) => r.id === ssh);
    const byPanel = rows.find((r) => r.id === panel);
    expect([bySsh?.decision, bySsh?.revokedAt instanceof Date, bySsh?.revokedById]).toEqual(["revoked", true, c.member!.id]);
    expect([byPanel?.decision, byPanel?.revokedAt]).toEqual(["kept", null]);
    const emails = await db.select().from(emailOutbox).where(like(emailOutbox.idempotencyKey, "handover:access%"));
    expect(emails.filter((e) => e.toAddress === c.expert.email).map((e) => e.idempotencyKey.split(":")[1]).sort()).toEqual(["accessKept", "accessRevoked"]);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.subjectId, c.contractId), like(auditLog.action, "access.%")))).toHaveLength(4);
  });

  it("is refused to the expert, admins and outsiders; refused before the pack and for an access the pack does not list; bad input is refused", async () => {
    const c = await installation();
    const [ssh, panel] = c.accessIds as [string, string];
    expect(await decideAccess(c.owner, { contractId: c.contractId, accessId: ssh, decision: "revoked" })).toEqual({ ok: false, error: "no_pack" });
    expect((await deliverHandoverPack(c.expert, pack(c.contractId, [ssh]))).ok).toBe(true);
    for (const actor of [c.expert, admin, outsiderClient, outsiderExpert, null]) {
      await expect(decideAccess(actor, { contractId: c.contractId, accessId: ssh, decision: "revoked" })).rejects.toThrow(PolicyError);
    }
    expect(await decideAccess(c.owner, { contractId: c.contractId, accessId: panel, decision: "revoked" })).toEqual({ ok: false, error: "not_listed" });
    expect(await decideAccess(c.owner, { contractId: c.contractId, accessId: ssh, decision: "forgotten" })).toEqual({ ok: false, error: "invalid", fields: { decision: "required" } });
    expect((await db.select().from(contractAccesses).where(eq(contractAccesses.id, ssh)))[0]?.decision).toBeNull();
  });
});
