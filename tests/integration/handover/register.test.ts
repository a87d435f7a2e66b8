import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, contractAccesses, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { parisDay } from "@/lib/dates";
import { getHandoverView } from "@/lib/handover/queries";
import { recordAccess, revokeAccess } from "@/lib/handover/register";
import { makeActiveContract, type ActiveContract } from "../../helpers/contracts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeTrainingContract } from "../../helpers/training";

let contract: ActiveContract;
let admin: Actor;
let outsiderClient: Actor;
let outsiderExpert: Actor;
beforeAll(async () => {
  contract = await makeActiveContract({ withMember: true });
  admin = await makeUser("admin");
  outsiderClient = await makeUser("client");
  await makeOrganization(outsiderClient);
  outsiderExpert = await makeUser("expert");
});

const today = parisDay();
const input = (overrides: Record<string, string> = {}) => ({ contractId: contract.contractId, kind: "host", label: "ssh deploy@srv1.example.fr", holder: "Sophie Laurent", since: today, ...overrides });

describe("the access register", () => {
  it("the expert and every member of the client organisation record accesses; the register shows who holds what since when, and each entry is audited", async () => {
    for (const [i, actor] of [contract.expert, contract.owner, contract.member!].entries()) {
      const recorded = await recordAccess(actor, input({ label: `accès ${i + 1}` }));
      expect(recorded.ok).toBe(true);
    }
    const [expertUser] = await db.select({ name: users.name }).from(users).where(eq(users.id, contract.expert.id));
    const view = await getHandoverView(admin, contract.contractId);
    expect(view.accesses.map((a) => [a.label, a.holder, a.since, a.recordedBy])).toEqual([
      ["accès 1", "Sophie Laurent", today, expertUser?.name],
      ["accès 2", "Sophie Laurent", today, contract.owner.name],
      ["accès 3", "Sophie Laurent", today, contract.member!.name],
    ]);
    expect(view.can.record).toBe(false);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, contract.contractId), eq(auditLog.action, "access.recorded")));
    expect(audits).toHaveLength(3);
  });

  it("refuses admins, outsiders and anonymous visitors, and writes nothing", async () => {
    const before = await db.select().from(contractAccesses).where(eq(contractAccesses.contractId, contract.contractId));
    for (const actor of [admin, outsiderClient, outsiderExpert, null]) {
      await expect(recordAccess(actor, input())).rejects.toThrow(PolicyError);
    }
    await expect(recordAccess(contract.expert, input({ contractId: "not-a-uuid" }))).rejects.toThrow(PolicyError);
    expect(await db.select().from(contractAccesses).where(eq(contractAccesses.contractId, contract.contractId))).toHaveLength(before.length);
  });

  it("refuses bad input field by field, and anything that looks like a secret", async () => {
    const refused = await recordAccess(contract.expert, input({ kind: "root", label: "", holder: "x".repeat(201), since: "2999-01-01" }));
    expect(refused).toEqual({ ok: false, error: "invalid", fields: { kind: "required", label: "required", holder: "tooLong", since: "notInFuture" } });
    expect(await recordAccess(contract.expert, input({ since: "hier" }))).toMatchObject({ fields: { since: "date" } });
    const secrets = [
      "-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAA",
      "admin password: Tr0ub4dor&3",
      "mot de passe : soleil2026",
      "PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=",
      "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=",
      "https://admin:hunter22@panel.example.fr",
      "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    ];
    for (const label of secrets) {
      expect(await recordAccess(contract.expert, input({ label })), label).toEqual({ ok: false, error: "invalid", fields: { label: "secretRefused" } });
    }
    // Saying where a key is, or naming a password manager, is fine.
    expect((await recordAccess(contract.expert, input({ kind: "vpn_key", label: "Clé WireGuard du poste de Claire (wg0, 10.8.0.2)", holder: "Claire, dans Bitwarden" }))).ok).toBe(true);
  });

  it("either party revokes an access once; the register says when and by whom, and the change is audited", async () => {
    const recorded = await recordAccess(contract.expert, input({ kind: "hosting_panel", label: "Espace client OVH" }));
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
    const { accessId } = recorded.value;
    for (const actor of [admin, outsiderClient, outsiderExpert, null]) {
      await expect(revokeAccess(actor, { contractId: contract.contractId, accessId })).rejects.toThrow(PolicyError);
    }
    expect(await revokeAccess(contract.member!, { contractId: contract.contractId, accessId })).toEqual({ ok: true, value: undefined });
    expect(await revokeAccess(contract.expert, { contractId: contract.contractId, accessId })).toEqual({ ok: false, error: "already_revoked" });
    const row = (await getHandoverView(contract.owner, contract.contractId)).accesses.find((a) => a.id === accessId);
    expect(row?.revokedAt).toBeInstanceOf(Date);
    expect(row?.revokedBy).toBe(contract.member!.name);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.subjectId, contract.contractId), eq(auditLog.action, "access.revoked")))).toHaveLength(1);
  });

  it("an access of another contract cannot be revoked through this one", async () => {
    const other = await makeActiveContract();
    const recorded = await recordAccess(other.expert, { contractId: other.contractId, kind: "dns", label: "Zone DNS chez Gandi", holder: "Paul", since: today });
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
    await expect(revokeAccess(contract.expert, { contractId: contract.contractId, accessId: recorded.value.accessId })).rejects.toThrow(PolicyError);
  });

  it("opens once the documents are accepted, and a training contract keeps none", async () => {
    const waiting = await makeActiveContract({ activate: false });
    expect(await recordAccess(waiting.expert, { ...input(), contractId: waiting.contractId })).toEqual({ ok: false, error: "not_open" });
    const training = await makeTrainingContract({ activate: true });
    expect(await recordAccess(training.expert, { ...input(), contractId: training.contractId })).toEqual({ ok: false, error: "no_register" });
  });

  it("is read by the parties and admins only", async () => {
    for (const actor of [contract.owner, contract.member!, contract.expert, admin]) {
      expect((await getHandoverView(actor, contract.contractId)).accesses.length).toBeGreaterThan(0);
    }
    for (const actor of [outsiderClient, outsiderExpert, null]) {
      await expect(getHandoverView(actor, contract.contractId)).rejects.toThrow(PolicyError);
    }
  });
});
