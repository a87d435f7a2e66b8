import { describe, expect, it } from "vitest";
import { einvoicingMentions } from "@/lib/invoicing/pdf/mentions";
import { sampleEinvoice, sampleFranchiseInvoice, sampleInvoice } from "@/tests/helpers/invoice-sample";

describe("the e-invoicing mentions printed on the PDF", () => {
  it("state the billing framework, both electronic addresses and the option for VAT on debits", () => {
    expect(einvoicingMentions(sampleEinvoice())).toEqual([
      "Cadre de facturation\u00a0: S2 (prestation de services déjà payée).",
      "Adresses de facturation électronique\u00a0: vendeur 812345676, acheteur 443061841_FACTURES.",
      "Option pour le paiement de la taxe d’après les débits.",
    ]);
  });

  it("say nothing on a snapshot issued before the reform's fields, nor of debits without VAT", () => {
    expect(einvoicingMentions(sampleInvoice())).toEqual([]);
    expect(einvoicingMentions({ ...sampleFranchiseInvoice(), vatOnDebits: true })).toEqual([]);
  });
});
