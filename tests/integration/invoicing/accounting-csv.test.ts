import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { payments, transfers } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { ACCOUNTING_CSV_HEADER, invoicesCsv } from "@/lib/invoicing/accounting-csv";
import { markDelivered } from "@/lib/payments/delivery";
import { openDispute, settleDispute } from "@/lib/payments/disputes";
import { fundMilestone, makeActiveContract, type ActiveContract } from "../../helpers/contracts";
import { readCsv } from "../../helpers/csv";
import { makeUser } from "../../helpers/factories";
import { endResponseWindow } from "../../helpers/disputes";

let contract: ActiveContract;
let transferId: string;
let paymentIntentId: string;

/** One milestone of 1 000,00 € + VAT, settled by a split refunding 300,01 €: an invoice, a credit note, a commission invoice. */
beforeAll(async () => {
  contract = await makeActiveContract({ bid: { total: "1000", milestones: [{ title: "Installation", amount: "1000", dueOn: "2027-02-01" }] } });
  const [milestoneId] = contract.milestoneIds as [string];
  await fundMilestone(contract.owner, milestoneId);
  expect((await markDelivered(contract.expert, { milestoneId, note: "Installation livrée et recettée." })).ok).toBe(true);
  const opened = await openDispute(contract.owner, { milestoneId, reason: "quality", text: "Un des deux sites n’est pas raccordé au VPN." });
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  await endResponseWindow(opened.value.disputeId);
  expect((await settleDispute(await makeUser("admin"), { disputeId: opened.value.disputeId, outcome: "split", refund: "300,01", note: "Partage accepté par les deux parties." })).ok).toBe(true);
  transferId = (await db.select().from(transfers).where(eq(transfers.milestoneId, milestoneId)))[0]!.id;
  paymentIntentId = (await db.select().from(payments).where(eq(payments.milestoneId, milestoneId)))[0]!.paymentIntentId!;
});

describe("the accountant's CSV", () => {
  it("has FEC-style columns, the VAT rate and numbers, the document type, and the transfer as the commission's payment reference", async () => {
    const csv = await invoicesCsv(contract.expert);
    expect(csv.startsWith(`\uFEFF${ACCOUNTING_CSV_HEADER.join(";")}\r\n`)).toBe(true);
    const rows = readCsv(csv);
    expect(rows.map((r) => r.TypeDocument).sort()).toEqual(["Avoir", "Facture de commission", "Facture émise sous mandat de facturation"]);
    const byType = (type: string) => rows.find((r) => r.TypeDocument === type)!;
    const service = byType("Facture émise sous mandat de facturation");
    const credit = byType("Avoir");
    const commission = byType("Facture de commission");

    // The expert's books: the invoices issued in the expert's name are sales, the commission a purchase.
    expect(service).toMatchObject({ JournalCode: "VE", CodeTypeDocument: "380", MontantHT: "1000,00", TauxTVA: "20,00", MontantTVA: "200,00", MontantTTC: "1200,00", Idevise: "EUR" });
    expect(service.EcritureDate).toMatch(/^\d{8}$/);
    expect(service.PieceDate).toBe(service.EcritureDate);
    expect(service.VendeurTVA).toMatch(/^FR\d{11}$/);
    expect(service.ReferencePaiement).toBe(paymentIntentId);
    expect(credit).toMatchObject({ JournalCode: "VE", CodeTypeDocument: "381", MontantHT: "-250,01", MontantTVA: "-50,00", MontantTTC: "-300,01", PieceRefCorrigee: service.PieceRef, ReferencePaiement: paymentIntentId });
    // Issue 13: the commission was paid by deduction from the transfer, as its PDF and XML say, not by the client's payment.
    expect(commission.ReferencePaiement).toBe(transferId);
    expect(commission.ReferencePaiement).not.toBe(paymentIntentId);
    expect(commission).toMatchObject({ JournalCode: "AC", CodeTypeDocument: "380", TauxTVA: "20,00", VendeurSIREN: expect.stringMatching(/^\d{9}$/), AcheteurTVA: service.VendeurTVA });
    expect(commission.VendeurTVA).toMatch(/^FR\d{11}$/);
  });

  it("puts each document in the books of whoever exports it", async () => {
    const client = readCsv(await invoicesCsv(contract.owner));
    expect(client.map((r) => [r.TypeDocument, r.JournalCode])).toEqual(
      expect.arrayContaining([["Facture émise sous mandat de facturation", "AC"], ["Avoir", "AC"]]),
    );
    expect(client.some((r) => r.TypeDocument === "Facture de commission")).toBe(false);
    const admin = readCsv(await invoicesCsv(await makeUser("admin")));
    const mine = admin.filter((r) => r.ReferencePaiement === transferId || r.ReferencePaiement === paymentIntentId);
    expect(mine.map((r) => [r.TypeDocument, r.JournalCode]).sort()).toEqual([["Avoir", "MDT"], ["Facture de commission", "VE"], ["Facture émise sous mandat de facturation", "MDT"]]);
    await expect(invoicesCsv(null)).rejects.toBeInstanceOf(PolicyError);
  });
});
