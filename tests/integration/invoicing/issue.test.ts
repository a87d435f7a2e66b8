import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { expertProfiles, invoices } from "@/db/schema";
import { extractText, getDocumentProxy } from "unpdf";
import { parisDay } from "@/lib/dates";
import { frenchDate } from "@/lib/invoicing/pdf/mentions";
import { buildFacturXXml, renderInvoicePdf } from "@/lib/invoicing/render";
import { frenchVatNumber, isValidSiren } from "@/lib/organizations/identifiers";
import { PolicyError } from "@/lib/auth/policy";
import { acceptBillingMandate } from "@/lib/invoicing/mandate";
import { invoicesCsv } from "@/lib/invoicing/accounting-csv";
import { getInvoiceFor, listInvoices, yearlyStatement } from "@/lib/invoicing/queries";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { settleDispute, openDispute } from "@/lib/payments/disputes";
import { ledgerBalances } from "@/lib/payments/ledger";
import { fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { cents, readCsv } from "../../helpers/csv";
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
  // Each release renders and seals its two PDFs under the series lock: allow for a busy machine.
  it("ten concurrent releases for one expert get ten consecutive numbers, no gap, no duplicate", { timeout: 120_000 }, async () => {
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
    await db.execute(sql`update contracts set vat_rate_bps = 0, facts = jsonb_set(facts, '{vatTreatment}', '"franchise"') where id = ${contract.contractId}`);
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
    const rows = readCsv(await invoicesCsv(expert));
    const total = (type: string, column: string) => rows.filter((r) => r.TypeDocument?.startsWith(type)).reduce((sum, r) => sum + cents(r[column]), 0);
    const servicesTotal = total("Facture émise sous mandat", "MontantTTC");
    const balances = await ledgerBalances(db, contractId);
    expect(total("Facture de commission", "MontantHT")).toBe(-balances.commission_revenue);
    expect(total("Facture de commission", "MontantTVA")).toBe(-balances.commission_vat_collected);
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
    const csv = await invoicesCsv(contract.expert);
    const service = csv.split("\r\n").find((l) => l.includes("Facture émise sous mandat"))!;
    expect(service).toContain(';"\'=HYPERLINK(""http://evil.example"";""Payer ici"")";');
    expect(service).not.toMatch(/;=/);
    expect(service).toMatch(/;100,00;20,00;20,00;120,00;EUR;/);
  });

  it("an undelivered milestone released by a dispute settlement: partial service, ended by the dispute, said on the invoice", async () => {
    const contract = await makeActiveContract({ bid: { total: "1000", milestones: [{ title: "Tout", amount: "1000", dueOn: "2027-02-01" }] } });
    const [milestoneId] = contract.milestoneIds as [string];
    await fundMilestone(contract.owner, milestoneId);
    expect((await openDispute(contract.owner, { milestoneId, reason: "quality", text: "Rien n’a été livré à la date prévue." })).ok).toBe(true);
    const admin = await makeUser("admin");
    await endResponseWindow(await disputeOf(milestoneId));
    expect((await settleDispute(admin, { disputeId: await disputeOf(milestoneId), outcome: "split", refund: "600", note: "Travail partiel reconnu par les deux parties." })).ok).toBe(true);
    const rows = await db.select().from(invoices).where(eq(invoices.milestoneId, milestoneId));
    const service = rows.find((r) => r.kind === "invoice" && r.role === "service")!;
    const today = parisDay(new Date());
    expect(service.document).toMatchObject({ serviceEnd: today, disputeSettledOn: today });
    const xml = buildFacturXXml(service.document);
    expect(xml).toContain(`<ram:Content>Prestation partielle, litige du ${frenchDate(today)}.</ram:Content>`);
    const [page = ""] = (await extractText(await getDocumentProxy(await renderInvoicePdf(service.document)), { mergePages: false })).text;
    expect(page.replace(/\s+/g, " ")).toContain(`(prestation partielle, litige du ${frenchDate(today)})`);
    // A delivered milestone's invoice says nothing of the kind.
    const { owner, milestoneIds } = await deliveredContract(1);
    await approveMilestone(owner, { milestoneId: milestoneIds[0]! });
    const [delivered] = await db.select().from(invoices).where(and(eq(invoices.milestoneId, milestoneIds[0]!), eq(invoices.role, "service")));
    expect(delivered?.document.disputeSettledOn).toBeNull();
  });

  it("prints the mentions of the parties: the expert company's RCS and capital, Compagnon's (demo) identity, well formed", async () => {
    const { owner, expert, milestoneIds } = await deliveredContract(1);
    await approveMilestone(owner, { milestoneId: milestoneIds[0]! });
    const rows = await db.select().from(invoices).where(eq(invoices.expertUserId, expert.id));
    const service = rows.find((r) => r.role === "service")!.document;
    const commission = rows.find((r) => r.role === "commission")!.document;
    expect(service.seller).toMatchObject({ legalForm: "EURL", registration: "812 345 676 RCS Lyon", shareCapitalCents: 500_000 });
    expect(service.issuedOnBehalfBy).toEqual({ name: "Compagnon SAS (démonstration)", siren: "912345675" });
    expect(commission.seller).toMatchObject({
      name: "Compagnon SAS (démonstration)",
      legalForm: "SAS",
      siren: "912345675",
      vatNumber: frenchVatNumber("912345675"),
      registration: "912 345 675 RCS Paris",
      shareCapitalCents: 1_000_000,
    });
    expect(isValidSiren(commission.seller.siren!)).toBe(true);
    // No document ever carries an all-zero SIREN or a bracketed placeholder.
    for (const doc of [service, commission]) {
      const page = (await extractText(await getDocumentProxy(await renderInvoicePdf(doc)), { mergePages: true })).text;
      const xmlText = buildFacturXXml(doc).replace(/<[^>]+>/g, " ");
      for (const text of [page, xmlText]) {
        expect(text).not.toMatch(/0{9}|FR0{11}|rue de l.Exemple/);
        expect(text).not.toMatch(/[[\]{}]/);
      }
    }
  });

  it("an entrepreneur individuel is named with \"EI\" and shows no share capital", async () => {
    const contract = await makeActiveContract({ bid: { total: "100", milestones: [{ title: "Tout", amount: "100", dueOn: "2027-02-01" }] } });
    await db.update(expertProfiles).set({ legalForm: "ei", tradeRegister: null, tradeRegisterPlace: null, shareCapitalCents: 500_000 }).where(eq(expertProfiles.userId, contract.expert.id));
    const [milestoneId] = contract.milestoneIds as [string];
    await fundMilestone(contract.owner, milestoneId);
    await markDelivered(contract.expert, { milestoneId, note: "Étape livrée et vérifiée ensemble." });
    await approveMilestone(contract.owner, { milestoneId });
    const [invoice] = await db.select().from(invoices).where(and(eq(invoices.milestoneId, milestoneId), eq(invoices.role, "service")));
    expect(invoice?.document.seller).toMatchObject({ name: `${contract.expert.name} Conseil EI`, registration: null, shareCapitalCents: null });
  });

  it("the yearly statement lists each invoice, then its credit notes", async () => {
    const { owner, expert, milestoneIds } = await deliveredContract(2, "100");
    const [first, second] = milestoneIds as [string, string];
    expect((await openDispute(owner, { milestoneId: first, reason: "quality", text: "Une partie des postes n’est pas configurée." })).ok).toBe(true);
    await approveMilestone(owner, { milestoneId: second });
    const admin = await makeUser("admin");
    await endResponseWindow(await disputeOf(first));
    expect((await settleDispute(admin, { disputeId: await disputeOf(first), outcome: "split", refund: "20", note: "Partage accepté par les deux parties." })).ok).toBe(true);
    const statement = await yearlyStatement(expert, year, new Date(`${year + 1}-01-02T10:00:00Z`));
    // Same day: the credit note (A-…) would sort before the invoices (F-…) by number alone.
    expect(statement?.invoices.map((i) => i.kind)).toEqual(["invoice", "invoice", "credit_note"]);
    const [a, b, credit] = statement!.invoices;
    const corrected = (await db.select().from(invoices).where(and(eq(invoices.milestoneId, first), eq(invoices.kind, "invoice"), eq(invoices.role, "service"))))[0]!;
    expect(b?.number).toBe(corrected.number);
    expect(a!.number < b!.number).toBe(true);
    expect(credit?.number).toMatch(/^A-/);
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
