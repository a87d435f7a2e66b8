import { and, asc, eq, sql } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contracts, invoices, organizations, payments } from "@/db/schema";
import { compareBidsForJob } from "@/lib/bids/comparison";
import { acceptBid } from "@/lib/contracts/accept-bid";
import { buildFacturXXml, renderInvoicePdf } from "@/lib/invoicing/render";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { openDispute, settleDispute } from "@/lib/payments/disputes";
import { makeBid } from "../../helpers/bids";
import { fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { endResponseWindow } from "../../helpers/disputes";
import { checkEn16931Rules } from "../../helpers/en16931-rules";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { OUTSIDE_SCOPE_NOTE, REVERSE_CHARGE_NOTE, validateFacturXXsd } from "../../helpers/invoice-sample";
import { makeJob } from "../../helpers/jobs";

/** A client owner whose organisation is established at `country`, with `vatNumber` (or none). */
async function clientIn(country: string, vatNumber: string | null) {
  const owner = await makeUser("client", { name: "Klara Schmidt" });
  const organization = await makeOrganization(owner);
  await db
    .update(organizations)
    .set({ legalName: "Schmidt Software GmbH", country, vatNumber, addressLine1: "Torstraße 1", postalCode: "10119", city: "Berlin" })
    .where(eq(organizations.id, organization.id));
  return owner;
}

const oneMilestone = { total: "2400,50", milestones: [{ title: "Audit", amount: "2400,50", dueOn: "2027-02-01" }] };

/** Contract formed for `owner` through the real use cases, its milestone funded, delivered and approved: its invoices. */
async function released(owner: Awaited<ReturnType<typeof makeUser>>) {
  const contract = await makeActiveContract({ owner, bid: oneMilestone });
  const milestoneId = contract.milestoneIds[0]!;
  await fundMilestone(owner, milestoneId);
  expect((await markDelivered(contract.expert, { milestoneId, note: "Audit remis et présenté." })).ok).toBe(true);
  expect((await approveMilestone(owner, { milestoneId })).ok).toBe(true);
  const rows = await db.select().from(invoices).where(eq(invoices.milestoneId, milestoneId)).orderBy(asc(invoices.role));
  const [payment] = await db.select().from(payments).where(and(eq(payments.milestoneId, milestoneId), eq(payments.status, "succeeded")));
  const [row] = await db.select().from(contracts).where(eq(contracts.id, contract.contractId));
  return { contract, row: row!, payment: payment!, service: rows.find((r) => r.role === "service")!, commission: rows.find((r) => r.role === "commission")! };
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("VAT by the client's place of establishment", () => {
  it("prices a VAT-registered expert's bid for a business in another member state without French VAT, and forms the contract at that price", async () => {
    const owner = await clientIn("DE", "DE123456789");
    const jobId = await makeJob(owner);
    const { bidId } = await makeBid(jobId, oneMilestone);
    const [compared] = await compareBidsForJob(owner, jobId);
    expect(compared?.price).toMatchObject({ vatTreatment: "reverse_charge", vatRateBps: 0, exVatCents: 240_050, vatCents: 0, inclVatCents: 240_050 });
    // The client confirmed French VAT (a page shown before the rule): the price changed, nothing is formed.
    expect(await acceptBid(owner, { bidId, acceptNotReady: true, expectedVatRateBps: 2000 })).toMatchObject({ ok: false, error: "price_changed" });
    const accepted = await acceptBid(owner, { bidId, acceptNotReady: true, expectedVatRateBps: 0 });
    expect(accepted.ok).toBe(true);
  });

  it("a business in another member state: reverse charge, charged excluding VAT, invoiced AE with the mention, the buyer's VAT number and no VAT", async () => {
    const { row, payment, service, commission } = await released(await clientIn("DE", "DE123456789"));
    expect(row.vatRateBps).toBe(0);
    expect(row.facts.vatTreatment).toBe("reverse_charge");
    expect(payment.amountCents).toBe(240_050);
    expect(service).toMatchObject({ exVatCents: 240_050, vatCents: 0, inclVatCents: 240_050 });
    expect(service.document).toMatchObject({ vatTreatment: "reverse_charge", vatExemptionNote: REVERSE_CHARGE_NOTE, buyer: { country: "DE", vatNumber: "DE123456789", siren: null } });
    expect(service.document.seller.vatNumber).toMatch(/^FR/);

    const xml = buildFacturXXml(service.document);
    expect(xml).toContain("<ram:CategoryCode>AE</ram:CategoryCode>");
    expect(xml).toContain("<ram:ExemptionReasonCode>VATEX-EU-AE</ram:ExemptionReasonCode>");
    expect(xml).toContain(`<ram:ExemptionReason>${REVERSE_CHARGE_NOTE}</ram:ExemptionReason>`);
    expect(xml).toContain('<ram:ID schemeID="VA">DE123456789</ram:ID>');
    expect(checkEn16931Rules(xml).fatal).toEqual([]);
    expect((await validateFacturXXsd(xml)).errors).toEqual([]);

    const french = await pdfText(await renderInvoicePdf(service.document));
    expect(french).toContain("Autoliquidation – TVA due par le preneur, art. 283-2 du CGI");
    expect(french).toContain("DE123456789");
    expect(french).not.toMatch(/TVA 0 %/);
    const english = await pdfText(await renderInvoicePdf(service.document, { language: "fr-en" }));
    expect(english).toContain("Reverse charge – VAT due by the customer, art. 283-2");

    // Compagnon's commission to the (French) expert is unaffected: French VAT at 20 %.
    expect(commission.document).toMatchObject({ vatTreatment: "standard", vatExemptionNote: null });
    expect(commission.vatCents).toBeGreaterThan(0);
  });

  it("a business outside the EU: outside the scope of French VAT, invoiced O without VAT identifiers in the XML", async () => {
    const { row, payment, service } = await released(await clientIn("CH", null));
    expect(row.facts.vatTreatment).toBe("outside_scope");
    expect(payment.amountCents).toBe(240_050);
    expect(service.document).toMatchObject({ vatTreatment: "outside_scope", vatExemptionNote: OUTSIDE_SCOPE_NOTE, totals: { vatCents: 0 } });
    const xml = buildFacturXXml(service.document);
    expect(xml).toContain("<ram:CategoryCode>O</ram:CategoryCode>");
    expect(xml).toContain("<ram:ExemptionReasonCode>VATEX-EU-O</ram:ExemptionReasonCode>");
    expect(xml).not.toContain('schemeID="VA"');
    expect(checkEn16931Rules(xml).fatal).toEqual([]);
    expect((await validateFacturXXsd(xml)).errors).toEqual([]);
    // The PDF keeps the seller's VAT number, a mandatory mention for a VAT-registered seller.
    expect(await pdfText(await renderInvoicePdf(service.document))).toContain(service.document.seller.vatNumber!);
  });

  it("a client in another member state without a VAT number, or in France: French VAT at 20 %", async () => {
    for (const owner of [await clientIn("BE", null), await clientIn("FR", "FR19812345676")]) {
      const { row, service } = await released(owner);
      expect(row.facts.vatTreatment).toBe("standard");
      expect(service).toMatchObject({ exVatCents: 240_050, vatCents: 48_010, inclVatCents: 288_060 });
      expect(buildFacturXXml(service.document)).toContain("<ram:CategoryCode>S</ram:CategoryCode>");
    }
  });

  it("a reverse-charge invoice's credit note is reverse charge too", async () => {
    const owner = await clientIn("AT", "ATU12345678");
    const contract = await makeActiveContract({ owner, bid: oneMilestone });
    const milestoneId = contract.milestoneIds[0]!;
    await fundMilestone(owner, milestoneId);
    await markDelivered(contract.expert, { milestoneId, note: "Audit remis, en partie." });
    expect((await openDispute(owner, { milestoneId, reason: "quality", text: "La moitié de l’audit manque." })).ok).toBe(true);
    const [dispute] = await db.execute<{ id: string }>(sql`select id from disputes where milestone_id = ${milestoneId}`);
    await endResponseWindow(dispute!.id);
    expect((await settleDispute(await makeUser("admin"), { disputeId: dispute!.id, outcome: "split", refund: "400", note: "Partage accepté." })).ok).toBe(true);
    const rows = await db.select().from(invoices).where(eq(invoices.milestoneId, milestoneId));
    const service = rows.find((r) => r.kind === "invoice" && r.role === "service")!;
    const credit = rows.find((r) => r.kind === "credit_note")!;
    expect(service.document.vatTreatment).toBe("reverse_charge");
    expect(credit).toMatchObject({ exVatCents: 40_000, vatCents: 0, inclVatCents: 40_000 });
    expect(credit.document).toMatchObject({ vatTreatment: "reverse_charge", vatExemptionNote: REVERSE_CHARGE_NOTE });
    const xml = buildFacturXXml(credit.document);
    expect(xml).toContain("<ram:CategoryCode>AE</ram:CategoryCode>");
    expect(checkEn16931Rules(xml).fatal).toEqual([]);
  });
});
