import type { PDFDocument } from "pdf-lib";
import type { InvoiceDocument } from "../types";
import { ENGLISH_NOTICE, englishSentences, invoiceLabels, LATE_PAYMENT_ENGLISH, type InvoiceLanguage, type LabelKey, type Labels } from "./labels";
import { isNotSubjectToVat } from "../facturx/codes";
import { A4, Canvas, CONTENT_WIDTH, embedInvoiceFonts, INK, MARGIN, MUTED, RULE, TINT, type TextStyle } from "./canvas";
import {
  creditNoteReference,
  documentTitle,
  euros,
  frenchDate,
  frenchQuantity,
  einvoicingMentions,
  latePaymentMentions,
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
  english: { size: 8.5, leading: 11.5, weight: "regular", color: MUTED },
} satisfies Record<string, TextStyle>;

/** Every label the layout may print, so the right fallback fonts get embedded. */
const LABELS = "FACTURE AVOIR N° Date d’émission : Prestataire (vendeur) Client (acheteur) Description Qté Prix unit. HT TVA Total HT TTC Montant réglé Reste à payer Paiement Moyen de paiement Conditions de paiement Mentions Page / — «» 0123456789,.%€";

/** Draws the invoice on A4 pages of `pdf`, in French, or in French with English labels beside. */
export async function drawInvoice(pdf: PDFDocument, doc: InvoiceDocument, language: InvoiceLanguage = "fr"): Promise<void> {
  const labels = invoiceLabels(language);
  const bilingual = language === "fr-en";
  const english = bilingual ? englishSentences(doc) : null;
  const stacks = await embedInvoiceFonts(pdf, `${LABELS} ${bilingual ? JSON.stringify(english) : ""} ${JSON.stringify(doc)}`);
  const c = new Canvas(pdf, stacks);
  const left = MARGIN.side;
  const right = A4.width - MARGIN.side;
  const L = (key: LabelKey) => labels.label(key);

  // Title, number and dates.
  const top = c.y;
  const heading = L(doc.kind === "credit_note" ? "creditNote" : "invoice").toUpperCase();
  const numberLine = `${L("number")} ${doc.number}`;
  c.line(heading, left, top, S.title);
  c.line(numberLine, left, top - S.title.leading, S.strong);
  const facts = [
    `${L("issueDate")} : ${frenchDate(doc.issueDate)}`,
    servicePeriodText(doc),
    ...(english ? [english.period] : []),
    invoiceLabels("fr").label("nature"),
    ...(english ? [englishOnly.label("nature")] : []),
  ];
  const factWidth = CONTENT_WIDTH - Math.max(c.measure(heading, S.title), c.measure(numberLine, S.strong)) - 16;
  const factLines = facts.flatMap((fact) => c.wrap(fact, factWidth, S.body));
  factLines.forEach((fact, i) => c.line(fact, right, top - 4 - i * S.body.leading, S.body, "right"));
  c.y = top - Math.max(S.title.leading + S.strong.leading, 4 + factLines.length * S.body.leading) - 14;
  if (bilingual) {
    c.paragraph(ENGLISH_NOTICE, S.english);
    c.y -= 8;
  }

  const selfBilling = selfBillingMention(doc);
  if (selfBilling) {
    const lines = [
      ...c.wrap(selfBilling, CONTENT_WIDTH - 20, S.body).map((text) => ({ text, style: S.body })),
      ...(english?.mandate ? c.wrap(english.mandate, CONTENT_WIDTH - 20, S.english).map((text) => ({ text, style: S.english })) : []),
    ];
    const height = 10 + S.strong.leading + lines.reduce((sum, line) => sum + line.style.leading, 0) + 8;
    c.rect(left, c.y, CONTENT_WIDTH, height, TINT, RULE);
    c.line(L("mandate"), left + 10, c.y - 10, S.strong);
    let y = c.y - 10 - S.strong.leading;
    for (const line of lines) {
      c.line(line.text, left + 10, y, line.style);
      y -= line.style.leading;
    }
    c.y -= height + 12;
  }
  const reference = creditNoteReference(doc);
  if (reference) {
    c.paragraph(reference, S.strong);
    if (english?.reference) c.paragraph(english.reference, S.english);
    c.y -= 8;
  }

  // Seller and buyer side by side.
  const columnWidth = (CONTENT_WIDTH - 24) / 2;
  const columns = [
    { label: L("seller"), party: partyLines(doc.seller, labels), x: left },
    { label: L("buyer"), party: partyLines(doc.buyer, labels), x: left + columnWidth + 24 },
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

  drawLines(c, doc, labels);
  drawTotals(c, doc, labels);

  // Payment.
  const withEnglish = (french: string) => {
    const translated = labels.english(french);
    return translated ? `${french} (${translated})` : french;
  };
  c.y -= 10;
  c.ensure(S.label.leading + 3 * S.body.leading);
  c.line(L("payment"), left, c.y, S.label);
  c.y -= S.label.leading + 2;
  c.paragraph(paymentMention(doc), S.strong);
  if (english) c.paragraph(english.payment, S.english);
  c.paragraph(`${L("method")} : ${withEnglish(paymentMethodLabel(doc.payment.method))}`, S.body);
  c.paragraph(`${L("terms")} : ${doc.payment.terms}`, S.body);
  const terms = labels.english(doc.payment.terms);
  if (terms) c.paragraph(terms, S.english);

  // Legal mentions and notes.
  const late = latePaymentMentions(doc.latePaymentNote);
  const note = doc.latePaymentNote.trim();
  const mentions = [
    note,
    ...[late.recoveryFee, late.discount].filter((part) => !note.toLowerCase().includes(part.toLowerCase())),
    ...einvoicingMentions(doc),
    ...doc.notes,
  ];
  c.y -= 10;
  c.ensure(S.label.leading + 2 * S.small.leading);
  c.line(L("mentions"), left, c.y, S.label);
  c.y -= S.label.leading + 2;
  for (const mention of mentions) {
    c.paragraph(mention, S.small);
    if (bilingual && mention === note) c.paragraph(LATE_PAYMENT_ENGLISH, S.english);
    c.y -= 3;
  }

  // Footer on every page.
  const total = c.pages.length;
  const title = bilingual ? L(doc.kind === "credit_note" ? "creditNote" : "invoice") : documentTitle(doc);
  c.pages.forEach((page, i) => {
    const y = MARGIN.bottom - 34;
    c.line(`${title} n° ${doc.number} — ${doc.seller.name}`, left, y, S.footer, "left", page);
    c.line("Factur-X : données de la facture jointes au format CII (factur-x.xml, profil EN 16931).", left, y - S.footer.leading, S.footer, "left", page);
    c.line(`${L("page")} ${i + 1} / ${total}`, right, y, S.footer, "right", page);
  });
}

/** The lines table; its header is repeated on every page it runs onto. */
function drawLines(c: Canvas, doc: InvoiceDocument, labels: Labels) {
  const right = A4.width - MARGIN.side;
  // Right edges of the number columns; the description takes the rest.
  const cols = { total: right - 6, vat: right - 96, price: right - 146, quantity: right - 236 };
  const descriptionWidth = cols.quantity - 40 - (MARGIN.side + 6);
  // Bilingual: the English header on a second row, under the French one.
  const rows = labels.language === "fr" ? [invoiceLabels("fr")] : [invoiceLabels("fr"), englishOnly];
  const headerHeight = rows.length * S.label.leading + 8;
  const header = () => {
    c.ensure(headerHeight + S.body.leading);
    c.rect(MARGIN.side, c.y, CONTENT_WIDTH, headerHeight, TINT);
    rows.forEach((row, i) => {
      const y = c.y - 4 - i * S.label.leading;
      c.line(row.label("description"), MARGIN.side + 6, y, S.label);
      c.line(row.label("quantity"), cols.quantity, y, S.label, "right");
      c.line(row.label("unitPrice"), cols.price, y, S.label, "right");
      c.line(row.label("vat"), cols.vat, y, S.label, "right");
      c.line(row.label("lineTotal"), cols.total, y, S.label, "right");
    });
    c.y -= headerHeight + 4;
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
        c.line(isNotSubjectToVat(doc) ? "—" : ratePercent(line.vatRateBps), cols.vat, c.y, S.body, "right");
        c.line(euros(line.totalExVatCents), cols.total, c.y, S.body, "right");
      }
      c.y -= S.body.leading;
    }
    c.y -= 4;
    c.rule(c.y + 2);
  }
  c.onNewPage = null;
}

/**
 * Totals on the right: HT, VAT per rate, TTC, what was paid and what is left to pay. No VAT row
 * when the client accounts for the VAT (reverse charge) or none applies (outside its scope): the
 * mention under the totals says why.
 */
function drawTotals(c: Canvas, doc: InvoiceDocument, labels: Labels) {
  const L = (key: LabelKey) => labels.label(key);
  const right = A4.width - MARGIN.side - 6;
  const labelX = A4.width - MARGIN.side - 250;
  const inclVat = L("totalInclVat");
  const rows: { label: string; value: string; style: TextStyle }[] = [
    { label: L("totalExVat"), value: euros(doc.totals.exVatCents), style: S.body },
    ...(chargesNoVat(doc) ? [] : doc.vatBreakdown.map((entry) => ({ label: `${L("vat")} ${ratePercent(entry.rateBps)}`, value: euros(entry.vatCents), style: S.body }))),
    ...(doc.vatBreakdown.length > 1 ? [{ label: L("totalVat"), value: euros(doc.totals.vatCents), style: S.body }] : []),
    { label: inclVat, value: euros(doc.totals.inclVatCents), style: S.strong },
    { label: L(doc.kind === "credit_note" ? "refunded" : "paid"), value: euros(doc.totals.inclVatCents), style: S.body },
    { label: L("balance"), value: euros(0), style: S.body },
  ];
  const exemptionText = doc.vatExemptionNote ? [doc.vatExemptionNote, labels.english(doc.vatExemptionNote)].filter(Boolean).join(" / ") : null;
  const exemption = exemptionText ? c.wrap(exemptionText, 250, S.strong) : [];
  c.y -= 6;
  c.ensure(rows.reduce((sum, row) => sum + row.style.leading, 0) + exemption.length * S.strong.leading + 8);
  for (const row of rows) {
    if (row.label === inclVat) {
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

function chargesNoVat(doc: InvoiceDocument): boolean {
  return doc.vatTreatment === "reverse_charge" || doc.vatTreatment === "outside_scope";
}

/** The English half of the bilingual table header. */
const englishOnly: Labels = {
  language: "fr-en",
  label: (key) => {
    const both = invoiceLabels("fr-en").label(key);
    return both.includes(" / ") ? (both.split(" / ")[1] ?? both) : both;
  },
  english: () => null,
};
