import { createHash } from "node:crypto";

/** The first version of the billing mandate (in force from 2026-12-01). */
export const MANDATE_VERSION = "mandat-2026-12";
/** The second: the invoices also go through the Plateforme Agréée (e-invoicing reform); in force once announced. */
export const MANDATE_VERSION_2 = "mandat-2";

/** Every version whose text ships with the code, oldest first (lib/legal/versions.ts dates them). */
export const MANDATE_VERSIONS = [MANDATE_VERSION, MANDATE_VERSION_2] as const;

/**
 * The billing mandate (mandat de facturation, art. 289 I-2 du CGI and BOI-TVA-DECLA-30-20-10):
 * the expert lets Compagnon issue its invoices in its name and on its behalf. French is the
 * binding text; the English one is a translation. Each version keeps its text for good: a
 * version that was in force stays readable (/legal/mandate/v/<version>).
 */
export function mandateText(platform: string, locale: "fr" | "en", version: string): string[] {
  const first = firstVersionText(platform, locale);
  if (version !== MANDATE_VERSION_2) return first;
  // Version 2: a paragraph on the transmission through the Plateforme Agréée, before the last one.
  const transmission =
    locale === "en"
      ? `I also instruct ${platform} to transmit these invoices, in my name, in the electronic form the law requires, through the approved platform (Plateforme Agréée) it uses, together with the related transaction and payment data (e-reporting), and to receive the invoices' lifecycle statuses on my behalf; each status is shown to me on my invoices.`
      : `Je donne également mandat à ${platform} de transmettre ces factures en mon nom, sous la forme électronique requise par la loi, par l’intermédiaire de la plateforme agréée qu’elle utilise, avec les données de transaction et de paiement correspondantes (e-reporting), et de recevoir pour mon compte les statuts du cycle de vie de ces factures ; chaque statut m’est présenté sur mes factures.`;
  return [...first.slice(0, -1), transmission, first.at(-1)!];
}

function firstVersionText(platform: string, locale: "fr" | "en"): string[] {
  if (locale === "en") {
    return [
      `Translation for information; the French text is binding. I instruct ${platform} to issue, in my name and on my behalf, the invoices for the services I provide to clients through Compagnon (invoicing by a third party under a billing mandate, article 289 I-2 of the French General Tax Code; not self-billing, which is the buyer's).`,
      `Each invoice is issued when a milestone is approved and paid, numbered in a chronological series of my own with no gaps, stating “Facture émise par ${platform} au nom et pour le compte de [my name], en vertu d’un mandat de facturation” (invoice issued by ${platform} in the name and on behalf of [my name], under a billing mandate), and made available to me at once. I may dispute an invoice within 15 days; after that it is deemed accepted.`,
      "I remain responsible for my tax obligations: declaring my turnover and, when I am VAT-registered, the VAT on these invoices. I will tell Compagnon at once of any change to my legal identity, address, VAT regime or VAT number.",
      "This mandate lasts as long as my account and can be ended at any time from my account; invoices already issued remain valid and are kept ten years.",
    ];
  }
  return [
    `Je donne mandat à ${platform} d’émettre, en mon nom et pour mon compte, les factures des prestations que je réalise pour des clients par l’intermédiaire de Compagnon (facturation par un tiers mandaté, article 289 I-2 du Code général des impôts).`,
    `Chaque facture est émise lors de la validation et du paiement d’un jalon, numérotée dans une série chronologique propre, continue et sans rupture, portant la mention « Facture émise par ${platform} au nom et pour le compte de [mon nom], en vertu d’un mandat de facturation », et mise à ma disposition immédiatement. Je peux contester une facture dans un délai de 15 jours ; passé ce délai, elle est réputée acceptée.`,
    "Je reste responsable de mes obligations fiscales : déclaration de mon chiffre d’affaires et, si je suis assujetti, de la TVA figurant sur ces factures. J’informe Compagnon sans délai de tout changement de mon identité, de mon adresse, de mon régime ou de mon numéro de TVA.",
    "Ce mandat vaut pour la durée de mon compte et peut être dénoncé à tout moment depuis mon compte ; les factures déjà émises restent valables et sont conservées dix ans.",
  ];
}

/** The fingerprint of the French (binding) text of `version`, kept with each acceptance. */
export function mandateSha256(platform: string, version: string): string {
  return createHash("sha256").update(mandateText(platform, "fr", version).join("\n\n")).digest("hex");
}
