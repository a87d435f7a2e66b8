import type { InvoiceParty } from "@/db/schema";
import { formatDate, nameWithLegalForm } from "@/lib/contracts/documents/format";
import { documentMoney } from "@/lib/money/format";
import type { yearlyStatement } from "@/lib/invoicing/statement";
import type { TextDocumentInput } from "@/lib/pdf/text-document";

export type YearlyStatement = NonNullable<Awaited<ReturnType<typeof yearlyStatement>>>;

/** The seller as the statement names it: the identity frozen on its invoices, or the mandate's. */
export interface StatementSeller {
  name: string;
  legalForm?: string | null;
  siren?: string | null;
  siret?: string | null;
  addressLines: string[];
  postalCode?: string | null;
  city?: string | null;
  email?: string | null;
}

const euros = (cents: number) => documentMoney(cents, "fr");
const QUARTERS = ["janvier à mars", "avril à juin", "juillet à septembre", "octobre à décembre"];
const day = (isoDay: string) => formatDate(isoDay, "fr");

function partyLines(party: StatementSeller | InvoiceParty): string[] {
  const place = [party.postalCode, party.city].filter(Boolean).join(" ");
  return [
    nameWithLegalForm(party.name, party.legalForm),
    ...(party.siret ? [`SIRET : ${party.siret}`] : party.siren ? [`SIREN : ${party.siren}`] : []),
    [...party.addressLines, place].filter(Boolean).join(", "),
    ...(party.email ? [`E-mail : ${party.email}`] : []),
  ].filter((line) => line !== "");
}

/**
 * The yearly statement of article 242 bis du CGI as a French text document: the platform, the
 * expert, the number of transactions and their gross amount (VAT included, net of credit
 * notes), each invoice and credit note, and the legal basis. French only, like the invoices.
 */
export function statementDocument(input: {
  statement: YearlyStatement;
  platform: InvoiceParty;
  seller: StatementSeller;
  issuedOn: string;
}): TextDocumentInput {
  const { statement, platform, seller } = input;
  const year = statement.year;
  const credits = statement.invoices.filter((i) => i.kind === "credit_note").length;
  return {
    title: `Relevé annuel des transactions — ${year}`,
    subtitle: `Établi par ${platform.name} pour ${seller.name}, le ${day(input.issuedOn)}`,
    lang: "fr",
    author: platform.name,
    footer: `${platform.name} — relevé annuel ${year} (art. 242 bis du CGI) — ${seller.name}`,
    sections: [
      { heading: "Opérateur de plateforme", paragraphs: partyLines(platform) },
      { heading: "Vendeur (expert)", paragraphs: partyLines(seller) },
      {
        heading: `Synthèse de l’année ${year}`,
        paragraphs: [
          `Période : du ${day(`${year}-01-01`)} au ${day(`${year}-12-31`)} (année civile, heure de Paris).`,
          `Nombre de transactions : ${statement.transactions}${credits > 0 ? ` (et ${credits} avoir${credits > 1 ? "s" : ""})` : ""}.`,
          `Montant brut des transactions, TVA comprise : ${euros(statement.grossCents)}.`,
          `Montant hors TVA : ${euros(statement.exVatCents)}.`,
          `Frais et commissions retenus par la plateforme : ${euros(statement.commissionCents)} (dont TVA ${euros(statement.commissionVatCents)}).`,
          `Montant versé (crédité) au vendeur : ${euros(statement.netCents)}.`,
          "Les montants bruts sont ceux payés par les clients par l’intermédiaire de la plateforme, part remboursée déduite, avant la commission de la plateforme.",
        ],
      },
      {
        heading: "Détail par trimestre",
        paragraphs: statement.quarters.map(
          (q, i) =>
            `T${i + 1} (${QUARTERS[i]}) : ${q.activities} transaction${q.activities > 1 ? "s" : ""}, montant brut ${euros(q.grossCents)}, commissions retenues ${euros(q.feesCents + q.taxesCents)}, versé ${euros(q.considerationCents)}.`,
        ),
      },
      {
        heading: "Détail des factures et avoirs",
        paragraphs:
          statement.invoices.length === 0
            ? ["Aucune facture ni aucun avoir sur l’année."]
            : statement.invoices.map((invoice) =>
                invoice.kind === "credit_note"
                  ? `${invoice.number} — avoir du ${day(invoice.issueDate)}${invoice.corrects ? ` sur la facture ${invoice.corrects}` : ""} — ${euros(-invoice.inclVatCents)} TTC`
                  : `${invoice.number} — facture du ${day(invoice.issueDate)} — ${euros(invoice.inclVatCents)} TTC`,
              ),
      },
      {
        heading: "Base légale",
        paragraphs: [
          "Relevé établi en application de l’article 242 bis du Code général des impôts : l’opérateur de plateforme adresse à chaque utilisateur qui réalise des transactions par son intermédiaire un document récapitulant, pour l’année civile écoulée, le nombre et le montant brut des transactions.",
          "Ces sommes sont à déclarer par vos soins, selon votre régime fiscal et social. Ce relevé ne remplace pas les factures, disponibles dans votre espace.",
        ],
      },
    ],
  };
}
