import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { dataExports, emailOutbox } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { postMessage } from "@/lib/conversations/messages";
import { downloadDataExport, latestDataExport, prepareDataExport, purgeExpiredDataExports, requestDataExport } from "@/lib/privacy/data-export";
import { makeActiveContract } from "../../helpers/contracts";
import { makeUser } from "../../helpers/factories";

async function readyExport(actor: Parameters<typeof requestDataExport>[0]) {
  const requested = await requestDataExport(actor);
  if (!requested.ok) throw new Error(requested.error);
  expect(await prepareDataExport(requested.value.exportId)).toBe("ready");
  return requested.value.exportId;
}

describe("data export (GDPR art. 15 and 20)", () => {
  it("gives the expert a ZIP of their data and files, emailed as a link, downloadable by them alone for 7 days", async () => {
    const contract = await makeActiveContract();
    const other = await makeActiveContract(); // someone else's contract: never in the archive
    expect((await postMessage(contract.expert, { bidId: contract.bidId, body: "Bonjour, je commence lundi." })).ok).toBe(true);

    const exportId = await readyExport(contract.expert);
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, `data-export-ready:${exportId}`));
    expect(mail?.toAddress).toBe(contract.expert.email);
    expect(mail?.html).toContain(`/account/export/${exportId}`);

    const file = await downloadDataExport(contract.expert, exportId);
    expect(file?.fileName).toMatch(/^compagnon-donnees-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = unzipSync(new Uint8Array(file!.bytes));
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(["README.txt", "data.json"]));
    expect(Object.keys(zip).filter((name) => name.startsWith("files/evidence/")).length).toBeGreaterThanOrEqual(3);
    const data = JSON.parse(strFromU8(zip["data.json"]!));
    expect(data.account[0].email).toBe(contract.expert.email);
    expect(data.expertProfile).toHaveLength(1);
    expect(data.bids.map((b: { id: string }) => b.id)).toEqual([contract.bidId]);
    expect(data.contracts.map((c: { id: string }) => c.id)).toEqual([contract.contractId]);
    expect(data.messages.map((m: { body: string; mine: boolean }) => [m.body, m.mine])).toEqual([["Bonjour, je commence lundi.", true]]);
    const text = strFromU8(zip["data.json"]!);
    expect(text).not.toContain(other.contractId);
    expect(text).not.toMatch(/session_token|token_hash|access_key_hash|"secret"/);

    // Only its owner, only until it expires.
    expect(await downloadDataExport(other.expert, exportId)).toBeNull();
    expect(await downloadDataExport(contract.owner, exportId)).toBeNull();
    await expect(downloadDataExport(null, exportId)).rejects.toThrow(PolicyError);
    expect(await downloadDataExport(contract.expert, "not-a-uuid")).toBeNull();
    expect(await purgeExpiredDataExports(new Date(Date.now() + 8 * 24 * 3600 * 1000))).toBe(1);
    expect(await downloadDataExport(contract.expert, exportId)).toBeNull();
    expect((await latestDataExport(contract.expert))?.status).toBe("expired");
  });

  it("gives a client their organisation's records they may see, not the expert's private ones", async () => {
    const contract = await makeActiveContract();
    const data = JSON.parse(strFromU8(unzipSync(new Uint8Array((await downloadDataExport(contract.owner, await readyExport(contract.owner)))!.bytes))["data.json"]!));
    expect(data.jobs.map((j: { id: string }) => j.id)).toEqual([contract.jobId]);
    expect(data.contracts).toHaveLength(1);
    expect(data.expertProfile).toEqual([]);
    expect(data.evidenceFiles).toEqual([]);
    expect(data.billingMandates).toEqual([]);
  });

  it("prepares one archive at a time, a few a day, and refuses anonymous visitors", async () => {
    const person = await makeUser("client");
    const first = await requestDataExport(person);
    expect(first.ok).toBe(true);
    expect(await requestDataExport(person)).toEqual({ ok: false, error: "pending" });
    expect((await latestDataExport(person))?.status).toBe("requested");
    if (first.ok) await prepareDataExport(first.value.exportId);
    expect(first.ok && (await prepareDataExport(first.value.exportId))).toBe("skipped"); // a repeated run does nothing
    await readyExport(person);
    await readyExport(person);
    expect(await requestDataExport(person)).toEqual({ ok: false, error: "rate_limited" });
    await expect(requestDataExport(null)).rejects.toThrow(PolicyError);
    const rows = await db.select().from(dataExports).where(eq(dataExports.userId, person.id));
    expect(rows).toHaveLength(3);
  });
});
