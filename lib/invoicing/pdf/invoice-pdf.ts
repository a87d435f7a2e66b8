import type { PDFDocument } from "pdf-lib";
import type { InvoiceDocument } from "../types";
import { A4, Canvas, CONTENT_WIDTH, embedInvoiceFonts, INK, MARGIN, MUTED, RULE, TINT, type TextStyle } from "./canvas";
import {
  creditNoteReference,
  documentTitle,
  euros,
  frenchDate,
  frenchQuantity,
  latePaymentMentions,
  OPERATION_NATURE,
  partyLines,
  paymentMention,
  paymentMethodLabel,
  ratePercent,
  selfBillingMention,
  servicePeriodText,
} from "./mentions";

const S = {
  title: { size: 22, leading: 28, weight: "bold", color: INK },
  strong: { size: 10.5, leading: 14, weight: "bold", color: INK },
  body: { size: 9.5, leading: 13, weight: "regular", color: INK },
  small: { size: 8.5, leading: 11.5, weight: "regular", color: MUTED },
  label: { size: 8, leading: 11, weight: "bold", color: MUTED },
  footer: { size: 7.5, leading: 10, weight: "regular", color: MUTED },
} satisfies Record<string, TextStyle>;

/** Every label the layout may print, so the right fallback fonts get embedded. */
const LABELS = "FACTURE AVOIR N° Date d’émission : Prestataire (vendeur) Client (acheteur) Description Qté Prix unit. HT TVA Total HT TTC Montant réglé Reste à payer Paiement Moyen de paiement Conditions de paiement Mentions Page / — «» 0123456789,.%€";

/** Draws the invoice on A4 pages of `pdf`, in French. */
export async function drawInvoice(pdf: PDFDocument, doc: InvoiceDocument): Promise<void> {
  const stacks = await embedInvoiceFonts(pdf, `${LABELS} ${JSON.stringify(doc)}`);
  const c = new Canvas(pdf, stacks);
  const left = MARGIN.side;
  const right = A4.width - MARGIN.side;

  // Title, number and dates.
  const top = c.y;
  c.line(documentTitle(doc).toUpperCase(), left, top, S.title);
  c.line(`N° ${doc.number}`, left, top - S.title.leading, S.strong);
  const facts = [`Date d’émission : ${frenchDate(doc.issueDate)}`, servicePeriodText(doc), `Nature de l’opération : ${OPERATION_NATURE}`];
  facts.forEach((fact, i) => c.line(fact, right, top - 4 - i * S.body.leading, S.body, "right"));
  c.y = top - Math.max(S.title.leading + S.strong.leading, 4 + facts.length * S.body.leading) - 14;

  const selfBilling = selfBillingMention(doc);
  if (selfBilling) {
    const lines = c.wrap(selfBilling, CONTENT_WIDTH - 20, S.body);
    const height = 10 + S.strong.leading + lines.length * S.body.leading + 8;
    c.rect(left, c.y, CONTENT_WIDTH, height, TINT, RULE);
    c.line("Autofacturation", left + 10, c.y - 10, S.strong);
    lines.forEach((line, i) => c.line(line, left + 10, c.y - 10 - S.strong.leading - i * S.body.leading, S.body));
    c.y -= height + 12;
  }
  const reference = creditNoteReference(doc);
  if (reference) {
    c.paragraph(reference, S.strong);
    c.y -= 8;
  }

  // Seller and buyer side by side.
  const columnWidth = (CONTENT_WIDTH - 24) / 2;
  const columns = [
    { label: "PRESTATAIRE (VENDEUR)", party: partyLines(doc.seller), x: left },
    { label: "CLIENT (ACHETEUR)", party: partyLines(doc.buyer), x: left + columnWidth + 24 },
  ];
  const partiesTop = c.y;
  let lowest = c.y;
  for (const { label, party, x } of columns) {
    let y = partiesTop;
    c.line(label, x, y, S.label);
    y -= S.label.leading + 2;
    for (const line of c.wrap(party.name, columnWidth, S.strong)) {
      c.line(line, x, y, S.strong);
      y -= S.strong.leading;
    }
    for (const detail of party.details) {
      for (const line of c.wrap(detail, columnWidth, S.body)) {
        c.line(line, x, y, S.body);
        y -= S.body.leading;
      }
    }
    lowest = Math.min(lowest, y);
  }
  c.y = lowest - 18;

  drawLines(c, doc);
  drawTotals(c, doc);

  // Payment.
  c.y -= 10;
  c.ensure(S.label.leading + 3 * S.body.leading);
  c.line("PAIEMENT", left, c.y, S.label);
  c.y -= S.label.leading + 2;
  c.paragraph(paymentMention(doc), S.strong);
  c.paragraph(`Moyen de paiement : ${paymentMethodLabel(doc.payment.method)}`, S.body);
  c.paragraph(`Conditions de paiement : ${doc.payment.terms}`, S.body);

  // Legal mentions and notes.
  const late = latePaymentMentions(doc.latePaymentNote);
  const note = doc.latePaymentNote.trim();
  const mentions = [
    note,
    ...[late.recoveryFee, late.discount].filter((part) => !note.toLowerCase().includes(part.toLowerCase())),
    ...doc.notes,
  ];
  c.y -= 10;
  c.ensure(S.label.leading + 2 * S.small.leading);
  c.line("MENTIONS", left, c.y, S.label);
  c.y -= S.label.leading + 2;
  for (const mention of mentions) {
    c.paragraph(mention, S.small);
    c.y -= 3;
  }

  // Footer on every page.
  const total = c.pages.length;
  c.pages.forEach((page, i) => {
    const y = MARGIN.bottom - 34;
    c.line(`${documentTitle(doc)} n° ${doc.number} — ${doc.seller.name}`, left, y, S.footer, "left", page);
    c.line("Factur-X : données de la facture jointes au format CII (factur-x.xml, profil EN 16931).", left, y - S.footer.leading, S.footer, "left", page);
    c.line(`Page ${i + 1} / ${total}`, right, y, S.footer, "right", page);
  });
}

/** The lines table; its header is repeated on every page it runs onto. */
function drawLines(c: Canvas, doc: InvoiceDocument) {
  const right = A4.width - MARGIN.side;
  // Right edges of the number columns; the description takes the rest.
  const cols = { total: right - 6, vat: right - 96, price: right - 146, quantity: right - 236 };
  const descriptionWidth = cols.quantity - 40 - (MARGIN.side + 6);
  const header = () => {
    c.ensure(S.label.leading + 8 + S.body.leading);
    c.rect(MARGIN.side, c.y, CONTENT_WIDTH, S.label.leading + 8, TINT);
    const y = c.y - 4;
    c.line("DESCRIPTION", MARGIN.side + 6, y, S.label);
    c.line("QTÉ", cols.quantity, y, S.label, "right");
    c.line("PRIX UNIT. HT", cols.price, y, S.label, "right");
    c.line("TVA", cols.vat, y, S.label, "right");
    c.line("TOTAL HT", cols.total, y, S.label, "right");
    c.y -= S.label.leading + 8 + 4;
  };
  header();
  c.onNewPage = () => {
    c.y -= 4;
    header();
  };
  for (const line of doc.lines) {
    const wrapped = c.wrap(line.description, descriptionWidth, S.body);
    c.ensure(Math.min(wrapped.length, 10) * S.body.leading + 4); // keep a row on one page
    for (const [i, text] of wrapped.entries()) {
      c.ensure(S.body.leading);
      c.line(text, MARGIN.side + 6, c.y, S.body);
      if (i === 0) {
        c.line(frenchQuantity(line.quantity), cols.quantity, c.y, S.body, "right");
        c.line(euros(line.unitPriceExVatCents), cols.price, c.y, S.body, "right");
        c.line(ratePercent(line.vatRateBps), cols.vat, c.y, S.body, "right");
        c.line(euros(line.totalExVatCents), cols.total, c.y, S.body, "right");
      }
      c.y -= S.body.leading;
    }
    c.y -= 4;
    c.rule(c.y + 2);
  }
  c.onNewPage = null;
}

/** Totals on the right: HT, VAT per rate, TTC, what was paid and what is left to pay. */
function drawTotals(c: Canvas, doc: InvoiceDocument) {
  const right = A4.width - MARGIN.side - 6;
  const labelX = A4.width - MARGIN.side - 250;
  const rows: { label: string; value: string; style: TextStyle }[] = [
    { label: "Total HT", value: euros(doc.totals.exVatCents), style: S.body },
    ...doc.vatBreakdown.map((entry) => ({ label: `TVA ${ratePercent(entry.rateBps)}`, value: euros(entry.vatCents), style: S.body })),
    ...(doc.vatBreakdown.length > 1 ? [{ label: "Total TVA", value: euros(doc.totals.vatCents), style: S.body }] : []),
    { label: "Total TTC", value: euros(doc.totals.inclVatCents), style: S.strong },
    { label: doc.kind === "credit_note" ? "Montant remboursé" : "Montant réglé", value: euros(doc.totals.inclVatCents), style: S.body },
    { label: "Reste à payer", value: euros(0), style: S.body },
  ];
  const exemption = doc.vatExemptionNote ? c.wrap(doc.vatExemptionNote, 250, S.strong) : [];
  c.y -= 6;
  c.ensure(rows.reduce((sum, row) => sum + row.style.leading, 0) + exemption.length * S.strong.leading + 8);
  for (const row of rows) {
    if (row.label === "Total TTC") {
      c.y -= 3;
      c.rule(c.y, RULE, labelX, right - labelX + 6);
      c.y -= 3;
    }
    c.line(row.label, labelX, c.y, row.style);
    c.line(row.value, right, c.y, row.style, "right");
    c.y -= row.style.leading;
  }
  for (const line of exemption) {
    c.line(line, labelX, c.y, S.strong);
    c.y -= S.strong.leading;
  }
}
