import { chmod, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { einvoiceReports, invoicePendingFiles, invoices } from "@/db/schema";
import { invoicePdfBytes } from "@/lib/invoicing/files";
import { sha256Hex } from "@/lib/invoicing/chain";
import { verifyInvoices } from "@/lib/invoicing/verify";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { openDispute, settleDispute } from "@/lib/payments/disputes";
import { fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { makeUser } from "../../helpers/factories";
import { runScript } from "../../helpers/scripts";
import { runQueuedJobs } from "../../helpers/worker";
import { endResponseWindow } from "../../helpers/disputes";

/** Three released milestones and a split refund: invoices, commission invoices and a credit note. */
async function issuedDocuments() {
  const milestones = [1, 2, 3].map((i) => ({ title: `Étape ${i}`, amount: "400", dueOn: `2027-04-0${i}` }));
  const contract = await makeActiveContract({ bid: { total: "1200", milestones } });
  for (const milestoneId of contract.milestoneIds) {
    await fundMilestone(contract.owner, milestoneId);
    expect((await markDelivered(contract.expert, { milestoneId, note: "Étape livrée et vérifiée ensemble." })).ok).toBe(true);
  }
  const [first, second, third] = contract.milestoneIds as [string, string, string];
  expect((await approveMilestone(contract.owner, { milestoneId: first })).ok).toBe(true);
  expect((await approveMilestone(contract.owner, { milestoneId: second })).ok).toBe(true);
  expect((await openDispute(contract.owner, { milestoneId: third, reason: "quality", text: "La moitié des postes n’est pas configurée." })).ok).toBe(true);
  const [dispute] = await db.execute<{ id: string }>(sql`select id from disputes where milestone_id = ${third} and status = 'open'`);
  await endResponseWindow(dispute!.id);
  expect((await settleDispute(await makeUser("admin"), { disputeId: dispute!.id, outcome: "split", refund: "123,46", note: "Partage accepté par les deux parties." })).ok).toBe(true);
  return db.select().from(invoices).where(eq(invoices.contractId, contract.contractId)).orderBy(asc(invoices.seriesKey), asc(invoices.sequence));
}

const uploads = () => path.join(process.env.COMPAGNON_DATA_DIR ?? "", "uploads");
const verifyScript = () => runScript("invoices-verify", [], { DATABASE_URL: process.env.DATABASE_URL, COMPAGNON_DATA_DIR: process.env.COMPAGNON_DATA_DIR });

/** Runs `statement` on invoices as the superuser with the immutability trigger off (what the runtime role cannot do). */
async function tamper(statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table invoices disable trigger invoices_immutable`);
    await tx.execute(statement);
    await tx.execute(sql`alter table invoices enable trigger invoices_immutable`);
  });
}

describe("the invoices' hash chain", () => {
  it("seals each document at issue, chained to the previous one of its series, and stores exactly the sealed files", async () => {
    const documents = await issuedDocuments();
    expect(documents.map((row) => row.kind).sort()).toEqual(["credit_note", "invoice", "invoice", "invoice", "invoice", "invoice", "invoice"]);
    expect(documents.every((row) => /^[0-9a-f]{64}$/.test(row.chainHash ?? "") && row.pdfSha256 && row.xmlSha256)).toBe(true);
    // Before the worker ran, the pending files are what is served and what verify checks.
    const [firstService] = documents.filter((row) => row.role === "service" && row.kind === "invoice");
    expect(sha256Hex(await invoicePdfBytes(firstService!))).toBe(firstService!.pdfSha256);
    expect((await verifyInvoices(db)).problems).toEqual([]);

    await runQueuedJobs(["render_invoice"]);
    const stored = await db.select().from(invoices).where(eq(invoices.contractId, firstService!.contractId));
    expect(stored.every((row) => row.pdfKey && row.xmlKey)).toBe(true);
    expect(await db.select().from(invoicePendingFiles)).toEqual([]);
    const row = stored.find((candidate) => candidate.id === firstService!.id)!;
    expect(sha256Hex(await readFile(path.join(uploads(), row.pdfKey!)))).toBe(row.pdfSha256);
    expect((await readFile(path.join(uploads(), row.xmlKey!), "utf8")).startsWith("<?xml")).toBe(true);
    // The worker may not change a sealed hash, even while filling the keys.
    await expect(db.execute(sql`update invoices set pdf_sha256 = ${"0".repeat(64)} where id = ${row.id}`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/never edited/) } });

    const intact = await verifyScript();
    expect(intact.stdout).toMatch(/7 documents in \d+ series: intact/);
    expect(intact.code).toBe(0);
  });

  it("catches a file replaced in storage, and `npm run invoices:verify` exits 1 naming the document", async () => {
    const documents = await issuedDocuments();
    await runQueuedJobs(["render_invoice"]);
    const credit = (await db.select().from(invoices).where(and(eq(invoices.contractId, documents[0]!.contractId), eq(invoices.kind, "credit_note"))))[0]!;
    const file = path.join(uploads(), credit.pdfKey!);
    const original = await readFile(file);
    await chmod(file, 0o600); // stored read-only
    await writeFile(file, Buffer.concat([original, Buffer.from("%forged\n")]));

    expect((await verifyInvoices(db)).problems).toEqual([`${credit.number}: PDF file does not match its SHA-256 (altered)`]);
    const broken = await verifyScript();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`BROKEN ${credit.number}: PDF file does not match its SHA-256`);

    await writeFile(file, original);
    expect((await verifyScript()).code).toBe(0);
  });

  it("catches a row changed behind the triggers' back, and a document removed from a series", async () => {
    const documents = await issuedDocuments();
    const commission = documents.find((row) => row.role === "commission")!;
    await tamper(sql`update invoices set ex_vat_cents = ex_vat_cents - 100, vat_cents = vat_cents + 100 where id = ${commission.id}`);
    expect((await verifyInvoices(db)).problems).toEqual([`${commission.number}: chain broken (the row was changed, or a document before it was changed or removed)`]);
    await tamper(sql`update invoices set ex_vat_cents = ex_vat_cents + 100, vat_cents = vat_cents - 100 where id = ${commission.id}`);
    expect((await verifyInvoices(db)).problems).toEqual([]);

    // The first invoice of the expert's series goes: the gap, the next document's chain and the counter all show it.
    const [first, second] = documents.filter((row) => row.role === "service" && row.kind === "invoice");
    await db.delete(invoicePendingFiles).where(eq(invoicePendingFiles.invoiceId, first!.id));
    await db.delete(einvoiceReports).where(eq(einvoiceReports.invoiceId, first!.id));
    await tamper(sql`delete from invoices where id = ${first!.id}`);
    const { problems } = await verifyInvoices(db);
    expect(problems).toContain(`series ${first!.seriesKey} ${first!.year}: number 1 is missing (next is ${second!.number})`);
    expect(problems).toContain(`${second!.number}: chain broken (the row was changed, or a document before it was changed or removed)`);
  });
});
