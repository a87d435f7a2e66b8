import "server-only";
import { queueJob } from "@/lib/background/queue";
import { queueEinvoiceSubmission } from "@/lib/einvoicing/submit";
import { queueEinvoiceReports } from "@/lib/einvoicing/reports";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { invoices, payments, type InvoiceDocument, type InvoiceLine, type InvoiceParty } from "@/db/schema";
import type { MilestoneContext } from "@/lib/payments/context";
import { allocateNumber, expertInvoiceCode, pad } from "./numbering";
import { insertSealedInvoice } from "./seal";
import { parisDay } from "@/lib/dates";
import { electronicAddressOf, expertParty, organizationParty, platformParty } from "./parties";
import { SERVICES_ALREADY_PAID } from "./facturx/codes";
import { COMMISSION_VAT_BPS } from "@/lib/money/commission";
import { totalsOf } from "./totals";
import { vatExemptionNoteFor } from "./vat-notes";
import { platformVatOnDebits } from "@/lib/einvoicing/config";
import { notifyMilestone } from "@/lib/payments/notify";

export const RENDER_INVOICE_TASK = "render_invoice";
export const LATE_PAYMENT_NOTE =
  "Pénalités de retard : taux d’intérêt appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points ; indemnité forfaitaire pour frais de recouvrement de 40 € (articles L441-10 et D441-5 du Code de commerce). Pas d’escompte pour paiement anticipé.";

const methodLabel = (method: string | null) => (method === "sepa_debit" ? "Prélèvement SEPA" : "Carte bancaire");

function oneLine(description: string, exVatCents: number, vatRateBps: number): Pick<InvoiceDocument, "lines" | "vatBreakdown"> {
  const line: InvoiceLine = { description, quantity: "1", unitPriceExVatCents: exVatCents, vatRateBps, totalExVatCents: exVatCents };
  return { lines: [line], vatBreakdown: [] };
}

/** The lines given (a retainer month: its fee and its extra hours) when they total the invoice exactly, else one line for it. */
function serviceLines(lines: Omit<InvoiceLine, "vatRateBps">[] | undefined, description: string, exVatCents: number, vatRateBps: number): Pick<InvoiceDocument, "lines" | "vatBreakdown"> {
  if (!lines?.length || lines.reduce((total, line) => total + line.totalExVatCents, 0) !== exVatCents) return oneLine(description, exVatCents, vatRateBps);
  return { lines: lines.map((line) => ({ ...line, vatRateBps })), vatBreakdown: [] };
}

/** Inserts an invoice with the next number of its series, and queues its PDF and its e-invoicing submission. */
async function insertInvoice(
  tx: Transaction,
  row: { kind: "invoice" | "credit_note"; role: "service" | "commission"; seriesKey: string; format: (year: number, sequence: number) => string },
  context: MilestoneContext,
  extra: { expertUserId: string; organizationId: string | null; transferId: string | null; correctsInvoiceId: string | null; paymentReference: string },
  build: (number: string, issueDate: string) => InvoiceDocument,
): Promise<string> {
  const issueDate = parisDay(new Date());
  const year = Number(issueDate.slice(0, 4));
  const sequence = await allocateNumber(tx, row.seriesKey, year);
  const number = row.format(year, sequence);
  const document = build(number, issueDate);
  // With the files' hashes and the chain hash, under the series lock allocateNumber took.
  const invoiceId = await insertSealedInvoice(tx, {
    kind: row.kind,
    role: row.role,
    number,
    seriesKey: row.seriesKey,
    year,
    sequence,
    issueDate,
    contractId: context.contract.id,
    milestoneId: context.milestone.id,
    ...extra,
    exVatCents: document.totals.exVatCents,
    vatCents: document.totals.vatCents,
    inclVatCents: document.totals.inclVatCents,
    document,
  });
  await queueJob(tx, RENDER_INVOICE_TASK, { invoiceId }, { key: `invoice:${invoiceId}`, maxAttempts: 10 });
  // Sent to the Plateforme Agréée by the worker once this transaction commits (never inside it).
  await queueEinvoiceSubmission(tx, invoiceId);
  // Payment data (VAT on receipt) and B2C/international transaction data, e-reported the same way.
  await queueEinvoiceReports(tx, invoiceId, document);
  // The expert sends it through their own PA: remind them to deposit it (its Factur-X is on /invoices).
  if (document.sellerPa) {
    await notifyMilestone(tx, { ...context, event: "invoiceToDeposit", audiences: ["expert"], amountCents: document.totals.inclVatCents, key: invoiceId, path: "/invoices" });
  }
  return invoiceId;
}

async function paymentOf(tx: Transaction, milestoneId: string) {
  const [payment] = await tx.select().from(payments).where(and(eq(payments.milestoneId, milestoneId), eq(payments.status, "succeeded")));
  if (!payment) throw new Error(`Milestone ${milestoneId} has no succeeded payment`);
  return { paidOn: parisDay(payment.updatedAt), reference: payment.paymentIntentId ?? payment.id, method: methodLabel(payment.paymentMethod) };
}

/**
 * At release, in the same transaction: the expert's self-billed invoice to the client for the
 * milestone (`grossCents` VAT included) and Compagnon's commission invoice to the expert.
 */
export async function issueReleaseInvoices(
  tx: Transaction,
  context: MilestoneContext,
  input: {
    transferId: string;
    grossCents: number;
    exVatCents: number;
    commission: { commissionCents: number; commissionExVatCents: number };
    /** The service invoice's lines, when more than one (they must total `exVatCents`). */
    lines?: Omit<InvoiceLine, "vatRateBps">[];
  },
): Promise<{ serviceInvoiceId: string; commissionInvoiceId: string | null }> {
  const { contract, milestone } = context;
  const seller = await expertParty(tx, contract);
  if (!seller) throw new Error(`Expert ${contract.expertUserId} has no billing mandate`);
  // An expert with their own PA gave their electronic address there; else the directory's.
  seller.party.electronicAddress = seller.ownPa?.address ?? (await electronicAddressOf(tx, seller.party));
  const buyer = await organizationParty(tx, contract.organizationId);
  buyer.electronicAddress = await electronicAddressOf(tx, buyer);
  const platform = platformParty();
  platform.electronicAddress = await electronicAddressOf(tx, platform);
  const payment = await paymentOf(tx, milestone.id);
  const code = await expertInvoiceCode(tx, contract.profileId);
  // Never delivered (released by a dispute settlement): the service was partial and ended with the
  // dispute; the invoice says so rather than passing the settlement date off as a delivery date.
  const deliveredOn = milestone.deliveredAt ? parisDay(milestone.deliveredAt) : null;
  const disputeSettledOn = deliveredOn ? null : parisDay(new Date());
  const serviceEnd = deliveredOn ?? parisDay(new Date());
  const base = {
    serviceStart: contract.facts.startOn < serviceEnd ? contract.facts.startOn : serviceEnd,
    serviceEnd,
    latePaymentNote: LATE_PAYMENT_NOTE,
    billingFramework: SERVICES_ALREADY_PAID,
    notes: [`Prestation de services — contrat « ${contract.facts.job.title} », jalon « ${milestone.title} ».`],
  };
  const shared = { expertUserId: contract.expertUserId, transferId: input.transferId, correctsInvoiceId: null, paymentReference: payment.reference };

  const serviceInvoiceId = await insertInvoice(
    tx,
    { kind: "invoice", role: "service", seriesKey: `F:${code}`, format: (y, n) => `F-${code}-${y}-${pad(n, 4)}` },
    context,
    { ...shared, organizationId: contract.organizationId },
    (number, issueDate) => ({
      kind: "invoice",
      number,
      issueDate,
      ...base,
      disputeSettledOn,
      seller: seller.party,
      buyer,
      selfBilled: true,
      issuedOnBehalfBy: { name: platform.name, siren: platform.siren ?? "" },
      ...serviceLines(input.lines, `Prestation de services : ${milestone.title} (${contract.facts.job.title})`, input.exVatCents, contract.vatRateBps),
      ...totalsOf(input.exVatCents, contract.vatRateBps, input.grossCents),
      vatExemptionNote: vatExemptionNoteFor(seller.vatTreatment),
      vatTreatment: seller.vatTreatment,
      vatOnDebits: seller.vatOnDebits,
      sellerPa: seller.ownPa ? { name: seller.ownPa.name } : null,
      payment: { ...payment, terms: "Payée à la commande par l’intermédiaire de Compagnon (fonds conservés jusqu’à la validation du jalon)." },
      corrects: null,
    }),
  );
  if (input.commission.commissionCents === 0) return { serviceInvoiceId, commissionInvoiceId: null };

  const commissionExVat = input.commission.commissionExVatCents;
  const commissionInvoiceId = await insertInvoice(
    tx,
    { kind: "invoice", role: "commission", seriesKey: "C", format: (y, n) => `C-${y}-${pad(n, 5)}` },
    context,
    { ...shared, organizationId: null },
    (number, issueDate) => ({
      kind: "invoice",
      number,
      issueDate,
      ...base,
      seller: platform,
      buyer: seller.party as InvoiceParty,
      selfBilled: false,
      issuedOnBehalfBy: null,
      ...oneLine(`Commission de mise en relation et de paiement sécurisé : jalon « ${milestone.title} »`, commissionExVat, COMMISSION_VAT_BPS),
      ...totalsOf(commissionExVat, COMMISSION_VAT_BPS, input.commission.commissionCents),
      vatExemptionNote: null,
      // Compagnon's commission is a French B2B service to a French expert, whatever the client: standard rate.
      vatTreatment: "standard",
      // Compagnon's own option (PLATFORM_VAT_ON_DEBITS): BT-8 and the mention, and no payment data owed.
      vatOnDebits: platformVatOnDebits(),
      payment: { paidOn: issueDate, reference: input.transferId, method: "Compensation", terms: "Réglée par compensation, déduite du virement du jalon." },
      corrects: null,
    }),
  );
  return { serviceInvoiceId, commissionInvoiceId };
}

/**
 * A refund of part of an invoiced milestone: a credit note in the expert's series, referencing
 * the invoice, exact on its own (its VAT is the rate applied to its basis; it must total the refund).
 */
export async function issueCreditNote(
  tx: Transaction,
  context: MilestoneContext,
  input: { correctsInvoiceId: string; refundCents: number; refundExVatCents: number },
): Promise<string> {
  const [corrected] = await tx.select().from(invoices).where(eq(invoices.id, input.correctsInvoiceId));
  if (!corrected || corrected.kind !== "invoice" || corrected.role !== "service") throw new Error("A credit note corrects a service invoice");
  const code = await expertInvoiceCode(tx, context.contract.profileId);
  const original = corrected.document;
  const rate = original.lines[0]?.vatRateBps ?? 0;
  return insertInvoice(
    tx,
    { kind: "credit_note", role: "service", seriesKey: `A:${code}`, format: (y, n) => `A-${code}-${y}-${pad(n, 4)}` },
    context,
    { expertUserId: context.contract.expertUserId, organizationId: context.contract.organizationId, transferId: null, correctsInvoiceId: corrected.id, paymentReference: corrected.paymentReference },
    (number, issueDate) => ({
      ...original,
      kind: "credit_note",
      number,
      issueDate,
      ...oneLine(`Avoir : remboursement partiel du jalon « ${context.milestone.title} » (facture ${corrected.number})`, input.refundExVatCents, rate),
      ...totalsOf(input.refundExVatCents, rate, input.refundCents),
      payment: { ...original.payment, paidOn: issueDate, terms: "Remboursé sur le moyen de paiement d’origine par l’intermédiaire de Compagnon." },
      corrects: { number: corrected.number, issueDate: corrected.issueDate },
    }),
  );
}
