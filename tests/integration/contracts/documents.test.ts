import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contractDocumentAcceptances, contracts, emailOutbox } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { acceptBid } from "@/lib/contracts/accept-bid";
import { buildContractDocument, contractDocumentSha256 } from "@/lib/contracts/documents/build";
import { acceptContractDocument } from "@/lib/contracts/documents-acceptance";
import { getContractView, listMyContracts } from "@/lib/contracts/queries";
import { makeBid } from "../../helpers/bids";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";

let owner: Actor;
let member: Actor;
beforeAll(async () => {
  owner = await makeUser("client", { name: "Claire Martin" });
  member = await makeUser("client", { name: "Julien Petit" });
  await makeOrganization(owner, [{ actor: member, role: "member" }]);
});

async function formContract(personalData: boolean) {
  const jobId = await makeJob(owner, { personalData });
  const { expert, bidId } = await makeBid(jobId);
  const accepted = await acceptBid(owner, { acceptNotReady: true, bidId });
  if (!accepted.ok) throw new Error(JSON.stringify(accepted));
  return { expert, contractId: accepted.value.contractId, jobId, bidId };
}

const statusOf = async (id: string) => (await db.select().from(contracts).where(eq(contracts.id, id)))[0]?.status;

describe("contract documents", () => {
  it("with personal data, both sides accept the NDA and the art. 28 agreement; then the contract is active and both sides are told", async () => {
    const { expert, contractId } = await formContract(true);
    const view = await getContractView(owner, contractId);
    expect(view.documents.map((d) => d.kind)).toEqual(["nda", "dpa"]);
    expect(view.documentsPending).toBe(true);

    expect(await acceptContractDocument(member, { contractId, kind: "nda" })).toEqual({ ok: true, value: { active: false } });
    expect(await acceptContractDocument(member, { contractId, kind: "nda" })).toEqual({ ok: true, value: { active: false } });
    expect(await acceptContractDocument(owner, { contractId, kind: "dpa" })).toEqual({ ok: true, value: { active: false } });
    // The client side is done: the expert is reminded once.
    const reminders = await db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, `contract-documentsAwaiting:${contractId}:expert:${expert.email}`));
    expect(reminders).toHaveLength(1);

    expect(await acceptContractDocument(expert, { contractId, kind: "nda" })).toEqual({ ok: true, value: { active: false } });
    expect(await statusOf(contractId)).toBe("awaiting_documents");
    expect(await acceptContractDocument(expert, { contractId, kind: "dpa" })).toEqual({ ok: true, value: { active: true } });
    expect(await statusOf(contractId)).toBe("active");
    // Both accepted everything: nothing is "to accept" any more, on either side.
    expect((await getContractView(owner, contractId)).documentsPending).toBe(false);
    expect((await getContractView(expert, contractId)).documentsPending).toBe(false);

    const rows = await db.select().from(contractDocumentAcceptances).where(eq(contractDocumentAcceptances.contractId, contractId));
    expect(rows).toHaveLength(4);
    const [contract] = await db.select().from(contracts).where(eq(contracts.id, contractId));
    const dpa = buildContractDocument("dpa", contract!.facts, "fr");
    expect(rows.find((r) => r.kind === "dpa" && r.side === "expert")).toMatchObject({ userId: expert.id, version: dpa.version, contentSha256: contractDocumentSha256(dpa) });
    expect(rows.find((r) => r.kind === "nda" && r.side === "client")?.userId).toBe(member.id);

    const active = await db.select().from(emailOutbox).where(eq(emailOutbox.template, "contract-event"));
    const activeTo = active.filter((m) => m.idempotencyKey.startsWith(`contract-contractActive:${contractId}`)).map((m) => m.toAddress).sort();
    expect(activeTo).toEqual([expert.email, member.email, owner.email].sort());

    expect(await acceptContractDocument(owner, { contractId, kind: "nda" })).toEqual({ ok: false, error: "illegal_transition" });
  });

  it("without personal data, the NDA alone is required and the agreement is refused", async () => {
    const { expert, contractId } = await formContract(false);
    expect((await getContractView(expert, contractId)).documents.map((d) => d.kind)).toEqual(["nda"]);
    expect(await acceptContractDocument(owner, { contractId, kind: "dpa" })).toEqual({ ok: false, error: "not_required" });
    expect((await acceptContractDocument(expert, { contractId, kind: "nda" })).ok).toBe(true);
    expect(await acceptContractDocument(owner, { contractId, kind: "nda" })).toEqual({ ok: true, value: { active: true } });
  });

  it("the parties and admins see the contract; others do not, and admins cannot accept", async () => {
    const { expert, contractId } = await formContract(true);
    const admin = await makeUser("admin");
    expect((await getContractView(admin, contractId)).side).toBe("admin");
    // A VAT-registered expert: the client pays 20 % VAT on top; the commission is on the amount excluding VAT.
    const expertView = await getContractView(expert, contractId);
    expect(expertView.contract.vatRateBps).toBe(2000);
    expect(expertView.totals).toEqual({ exVatCents: 240_050, vatCents: 48_010, chargeCents: 288_060 });
    expect(expertView.money).toEqual({ commissionCents: 24_005, netCents: 264_055 });
    expect((await getContractView(owner, contractId)).money).toBeNull();
    const stranger = await makeUser("client");
    await makeOrganization(stranger);
    const otherExpert = (await makeBid(await makeJob(owner))).expert;
    for (const actor of [null, stranger, otherExpert]) {
      await expect(getContractView(actor, contractId)).rejects.toBeInstanceOf(PolicyError);
      await expect(acceptContractDocument(actor, { contractId, kind: "nda" })).rejects.toBeInstanceOf(PolicyError);
    }
    await expect(acceptContractDocument(admin, { contractId, kind: "nda" })).rejects.toBeInstanceOf(PolicyError);
    await expect(getContractView(owner, "nope")).rejects.toBeInstanceOf(PolicyError);
  });

  it("each side lists its own contracts", async () => {
    const { expert, contractId } = await formContract(false);
    expect((await listMyContracts(expert)).map((c) => c.id)).toEqual([contractId]);
    expect((await listMyContracts(member)).map((c) => c.id)).toContain(contractId);
    const stranger = await makeUser("client");
    await makeOrganization(stranger);
    expect(await listMyContracts(stranger)).toEqual([]);
    await expect(listMyContracts(null)).rejects.toBeInstanceOf(PolicyError);
    await expect(listMyContracts(await makeUser("admin"))).rejects.toBeInstanceOf(PolicyError);
  });
});
