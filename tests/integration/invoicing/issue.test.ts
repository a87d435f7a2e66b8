import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { invoices } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { acceptBillingMandate } from "@/lib/invoicing/mandate";
import { getInvoiceFor, invoicesCsv, listInvoices, yearlyStatement } from "@/lib/invoicing/queries";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { settleDispute, openDispute } from "@/lib/payments/disputes";
import { ledgerBalances } from "@/lib/payments/ledger";
import { fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { endResponseWindow } from "../../helpers/disputes";

const year = new Date().getFullYear();

async function deliveredContract(milestoneCount: number, amount = "100") {
  const milestones = Array.from({ length: milestoneCount }, (_, i) => ({ title: `Étape ${i + 1}`, amount, dueOn: `2027-02-${String(i + 1).padStart(2, "0")}` }));
  const total = ((Math.round(Number(amount.replace(",", ".")) * 100) * milestoneCount) / 100).toFixed(2);
  const contract = await makeActiveContract({ bid: { total, milestones } });
  for (const milestoneId of contract.milestoneIds) {
    await fundMilestone(contract.owner, milestoneId);
    const delivered = await markDelivered(contract.expert, { milestoneId, note: "Étape livrée et vérifiée ensemble." });
    if (!delivered.ok) throw new Error(JSON.stringify(delivered));
  }
  return contract;
}

describe("invoices issued at release", () => {
  it("ten concurrent releases for one expert get ten consecutive numbers, no gap, no duplicate", async () => {
    const { owner, expert, milestoneIds } = await deliveredContract(10);
    const results = await Promise.all(milestoneIds.map((milestoneId) => approveMilestone(owner, { milestoneId })));
    expect(results.every((r) => r.ok)).toBe(true);
    const service = await db.select().from(invoices).where(and(eq(invoices.expertUserId, expert.id), eq(invoices.role, "service")));
    expect(service.map((i) => i.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const code = service[0]!.number.split("-")[1];
    expect(service.map((i) => i.number).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `F-${code}-${year}-${String(i + 1).padStart(4, "0")}`));
    // Each milestone: 100 € excl. VAT, 120 € incl.; commission 10 € (incl. VAT) invoiced by Compagnon.
    expect(service.every((i) => i.exVatCents === 10_000 && i.vatCents === 2_000 && i.inclVatCents === 12_000)).toBe(true);
    const commission = await db.select().from(invoices).where(and(eq(invoices.expertUserId, expert.id), eq(invoices.role, "commission")));
    expect(commission).toHaveLength(10);
    expect(commission.every((i) => i.inclVatCents === 1_000 && i.exVatCents === 833 && i.vatCents === 167 && i.number.startsWith(`C-${year}-`))).toBe(true);
    const doc = service[0]!.document;
    expect(doc).toMatchObject({ selfBilled: true, seller: { name: `${expert.name} Conseil`, postalCode: "69001" }, buyer: { siren: expect.stringMatching(/^\d{9}$/) }, vatExemptionNote: null, corrects: null });
    expect(doc.latePaymentNote).toContain("40 €");
  });

  it("an expert under the VAT franchise invoices without VAT, with the art. 293 B mention", async () => {
    const contract = await makeActiveContract({ bid: { total: "250", milestones: [{ title: "Tout", amount: "250", dueOn: "2027-02-01" }] } });
    await db.execute(sql`update contracts set vat_rate_bps = 0 where id = ${contract.contractId}`);
    const [milestoneId] = contract.milestoneIds as [string];
    await fundMilestone(contract.owner, milestoneId);
    await markDelivered(contract.expert, { milestoneId, note: "Formation donnée, support remis." });
    await approveMilestone(contract.owner, { milestoneId });
    const [invoice] = await db.select().from(invoices).where(and(eq(invoices.milestoneId, milestoneId), eq(invoices.role, "service")));
    expect(invoice).toMatchObject({ exVatCents: 25_000, vatCents: 0, inclVatCents: 25_000 });
    expect(invoice?.document.vatExemptionNote).toBe("TVA non applicable, art. 293 B du CGI");
    expect(invoice?.document.seller.vatNumber).toBeNull();
  });

  it("a split refund bills the milestone and credits the refunded part with a credit note referencing the invoice; nothing is deleted", async () => {
    const { owner, milestoneIds } = await deliveredContract(1, "1000");
    const [milestoneId] = milestoneIds as [string];
    expect((await openDispute(owner, { milestoneId, reason: "quality", text: "La moitié des postes n’est pas configurée." })).ok).toBe(true);
    const admin = await makeUser("admin");
    await endResponseWindow(await disputeOf(milestoneId));
    expect((await settleDispute(admin, { disputeId: await disputeOf(milestoneId), outcome: "split", refund: "300,01", note: "Partage accepté par les deux parties." })).ok).toBe(true);
    const rows = await db.select().from(invoices).where(eq(invoices.milestoneId, milestoneId));
    const invoice = rows.find((r) => r.kind === "invoice" && r.role === "service")!;
    const credit = rows.find((r) => r.kind === "credit_note")!;
    expect(invoice).toMatchObject({ exVatCents: 100_000, vatCents: 20_000, inclVatCents: 120_000 });
    expect(credit).toMatchObject({ correctsInvoiceId: invoice.id, inclVatCents: 30_001, exVatCents: 25_001, vatCents: 5_000 });
    expect(credit.number).toMatch(new RegExp(`^A-[A-Z0-9]+-${year}-0001$`));
    expect(credit.document.corrects).toEqual({ number: invoice.number, issueDate: invoice.issueDate });
    // Invoiced minus credited = what the expert was released (899,99 €).
    expect(invoice.inclVatCents - credit.inclVatCents).toBe(89_999);

    await expect(db.execute(sql`delete from invoices where id = ${invoice.id}`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/never deleted/) } });
    await expect(db.execute(sql`update invoices set ex_vat_cents = 1 where id = ${invoice.id}`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/never edited/) } });
    expect(await db.select().from(invoices).where(eq(invoices.id, invoice.id))).toHaveLength(1);
  });

  it("the parties and admins see an invoice; another organisation or another expert does not", async () => {
    const { owner, expert, milestoneIds } = await deliveredContract(1);
    await approveMilestone(owner, { milestoneId: milestoneIds[0]! });
    const [service] = await db.select().from(invoices).where(and(eq(invoices.milestoneId, milestoneIds[0]!), eq(invoices.role, "service")));
    const [commission] = await db.select().from(invoices).where(and(eq(invoices.milestoneId, milestoneIds[0]!), eq(invoices.role, "commission")));
    expect((await getInvoiceFor(owner, service!.id)).number).toBe(service!.number);
    expect((await getInvoiceFor(expert, service!.id)).number).toBe(service!.number);
    expect((await getInvoiceFor(expert, commission!.id)).number).toBe(commission!.number);
    expect((await getInvoiceFor(await makeUser("admin"), commission!.id)).number).toBe(commission!.number);
    // The client does not see the commission invoice between Compagnon and the expert.
    await expect(getInvoiceFor(owner, commission!.id)).rejects.toBeInstanceOf(PolicyError);
    const stranger = await makeUser("client");
    await makeOrganization(stranger);
    const otherExpert = (await makeActiveContract()).expert;
    for (const actor of [null, stranger, otherExpert]) {
      await expect(getInvoiceFor(actor, service!.id)).rejects.toBeInstanceOf(PolicyError);
    }
    expect(await listInvoices(stranger)).toEqual([]);
  });

  it("the CSV export and the yearly statement add up to the ledger", async () => {
    const { owner, expert, contractId, milestoneIds } = await deliveredContract(3, "333.33");
    for (const milestoneId of milestoneIds) await approveMilestone(owner, { milestoneId });
    const csv = await invoicesCsv(expert);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toContain("Numéro;Type;Vendeur");
    const amounts = (role: string) => lines.slice(1).filter((l) => l.includes(role)).map((l) => Number(l.split(";")[9]!.replace(",", ".")));
    const servicesTotal = Math.round(amounts("autofacturation").reduce((a, b) => a + b, 0) * 100);
    const commissionTotal = Math.round(amounts("commission").reduce((a, b) => a + b, 0) * 100);
    const balances = await ledgerBalances(db, contractId);
    expect(commissionTotal).toBe(-balances.commission_revenue);
    // What the client paid for released milestones = service invoices incl. VAT.
    expect(servicesTotal).toBe(3 * 40_000);
    expect(await yearlyStatement(expert, year)).toBeNull(); // the current year is not over
    const statement = await yearlyStatement(expert, year, new Date(`${year + 1}-01-02T10:00:00Z`));
    expect(statement).toMatchObject({ year, transactions: 3, grossCents: 3 * 40_000, exVatCents: 3 * 33_333 });
    await expect(yearlyStatement(owner, year)).rejects.toBeInstanceOf(PolicyError);
  });

  it("the CSV export neutralises a legal name a spreadsheet would run as a formula; amounts stay numbers", async () => {
    const contract = await makeActiveContract({ bid: { total: "100", milestones: [{ title: "Tout", amount: "100", dueOn: "2027-02-01" }] } });
    const legalName = '=HYPERLINK("http://evil.example";"Payer ici")';
    const mandate = await acceptBillingMandate(contract.expert, { legalName, addressLine1: "8 quai Saint-Vincent", postalCode: "69001", city: "Lyon", confirm: "yes" });
    expect(mandate.ok).toBe(true);
    const [milestoneId] = contract.milestoneIds as [string];
    await fundMilestone(contract.owner, milestoneId);
    await markDelivered(contract.expert, { milestoneId, note: "Étape livrée et vérifiée ensemble." });
    await approveMilestone(contract.owner, { milestoneId });
    const lines = (await invoicesCsv(contract.expert)).trim().split("\r\n");
    const service = lines.find((l) => l.includes("autofacturation"))!;
    expect(service).toContain(';"\'=HYPERLINK(""http://evil.example"";""Payer ici"")";');
    expect(service).not.toMatch(/;=/);
    expect(service).toMatch(/;100,00;20,00;120,00;/);
  });

  it("delivering needs the billing mandate (the invoice's seller identity)", async () => {
    const { owner, expert, milestoneIds } = await makeActiveContract({ mandate: false });
    await fundMilestone(owner, milestoneIds[0]!);
    expect(await markDelivered(expert, { milestoneId: milestoneIds[0]!, note: "Tout est prêt de mon côté." })).toEqual({ ok: false, error: "mandate_required" });
  });
});

async function disputeOf(milestoneId: string): Promise<string> {
  const rows = await db.execute<{ id: string }>(sql`select id from disputes where milestone_id = ${milestoneId} and status = 'open'`);
  return rows[0]!.id;
}
