import { createHash } from "node:crypto";

export const MANDATE_VERSION = "mandat-2026-12";

/**
 * The billing mandate (mandat de facturation, art. 289 I-2 du CGI and BOI-TVA-DECLA-30-20-10):
 * the expert lets Compagnon issue its invoices in its name and on its behalf. French is the
 * binding text; the English one is a translation.
 */
export function mandateText(platform: string, locale: "fr" | "en"): string[] {
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

export function mandateSha256(platform: string): string {
  return createHash("sha256").update(mandateText(platform, "fr").join("\n\n")).digest("hex");
}
