import type { ContractFacts } from "@/db/schema/contracts";
import { documentMoney } from "@/lib/money/format";
import { formatDate, formatParisDay, jobKindLabel, joinList, legalFormLabel, nameStatesLegalForm, present } from "./format";
import type { DocumentLocale } from "./types";

/** Sentences about the parties and the mission shared by the NDA and the DPA, in both languages. */

/** Opens every English document: the French text is the binding one. */
export const TRANSLATION_NOTICE_EN =
  "This English text is a translation provided for convenience. Only the French text is binding: in case of any difference, the French text prevails.";

const quote = (text: string, locale: DocumentLocale) => (locale === "fr" ? `«\u00a0${text}\u00a0»` : `“${text}”`);

/** The client organisation, identified by what the facts hold, ending with its defined name. */
export function clientParty(facts: ContractFacts, locale: DocumentLocale, role: string): string {
  const c = facts.client;
  const siret = present(c.siret);
  const vat = present(c.vatNumber);
  const address = present(c.address);
  const representative = present(c.representative);
  const fr = locale === "fr";
  const parts = [
    c.legalName.trim(),
    `SIREN ${c.siren.trim()}`,
    siret ? `SIRET ${siret}` : null,
    vat ? (fr ? `numéro de TVA intracommunautaire ${vat}` : `VAT number ${vat}`) : null,
    address ? (fr ? `dont l’adresse est ${address}` : `whose address is ${address}`) : null,
    representative
      ? fr
        ? `représentée par ${representative}, qui déclare avoir qualité pour l’engager`
        : `represented by ${representative}, who declares that they are authorised to bind it`
      : null,
  ];
  return `${parts.filter(Boolean).join(", ")}, ${fr ? "ci-après" : "hereinafter"} ${quote(role, locale)}${fr ? "\u00a0;" : ";"}`;
}

/** The expert, identified by what the facts hold, ending with its defined name. */
export function expertParty(facts: ContractFacts, locale: DocumentLocale, role: string): string {
  const e = facts.expert;
  const siret = present(e.siret);
  const vat = present(e.vatNumber);
  const fr = locale === "fr";
  const form = legalFormLabel(e.legalForm, locale);
  const parts = [
    e.name.trim(),
    form && !nameStatesLegalForm(e.name, form) ? form : null,
    siret ? `SIRET ${siret}` : null,
    vat ? (fr ? `numéro de TVA intracommunautaire ${vat}` : `VAT number ${vat}`) : null,
  ];
  return `${parts.filter(Boolean).join(", ")}, ${fr ? "ci-après" : "hereinafter"} ${quote(role, locale)}.`;
}

/** "« Title » (installation), covering Nextcloud and Odoo" — the mission as the facts name it. */
export function missionName(facts: ContractFacts, locale: DocumentLocale): string {
  const kind = jobKindLabel(facts.job.kind, locale);
  const software = facts.job.software.map((s) => s.trim()).filter(Boolean);
  let text = quote(facts.job.title.trim(), locale);
  if (kind) text += ` (${kind})`;
  if (software.length) text += locale === "fr" ? `, portant sur ${joinList(software, locale)}` : `, covering ${joinList(software, locale)}`;
  return text;
}

/** Where the work is done: remotely, on site (in a département), or nothing when unknown. */
export function missionPlace(facts: ContractFacts, locale: DocumentLocale): string | null {
  const departement = present(facts.job.departement);
  if (facts.job.remote === true) return locale === "fr" ? "à distance" : "remotely";
  if (facts.job.remote === false) {
    if (departement) return locale === "fr" ? `sur site, dans le département ${departement}` : `on site, in département ${departement}`;
    return locale === "fr" ? "sur site" : "on site";
  }
  return null;
}

/** The dates of the mission: "du 2 mars 2026 au 13 mars 2026" / "from 2 March 2026 to 13 March 2026". */
export function missionPeriod(facts: ContractFacts, locale: DocumentLocale): string {
  const start = formatDate(facts.startOn, locale);
  const end = formatDate(facts.endOn, locale);
  return locale === "fr" ? `du ${start} au ${end}` : `from ${start} to ${end}`;
}

/**
 * When the offer was accepted, for which mission, when and where it is done. `client` is the
 * client's defined name as a subject ("le Client", "the Client"), `offerOf` the expert's as an
 * owner ("du Prestataire", "the Expert’s").
 */
export function missionSentence(facts: ContractFacts, locale: DocumentLocale, client: string, offerOf: string): string {
  const formed = formatParisDay(facts.formedAt, locale);
  const place = missionPlace(facts, locale);
  const days = facts.durationDays;
  if (locale === "fr") {
    return (
      `Le ${formed}, ${client} a accepté, sur la plateforme Compagnon, l’offre ${offerOf} pour la mission ${missionName(facts, locale)}. ` +
      `Cette mission est prévue ${missionPeriod(facts, locale)} (durée prévue\u00a0: ${days}\u00a0jour${days > 1 ? "s" : ""})${place ? `, ${place}` : ""}.`
    );
  }
  return (
    `On ${formed}, ${client} accepted, on the Compagnon platform, ${offerOf} offer for the mission ${missionName(facts, locale)}. ` +
    `The mission is planned ${missionPeriod(facts, locale)} (planned duration: ${days} day${days > 1 ? "s" : ""})${place ? `, ${place}` : ""}.`
  );
}

/** The price and its milestones, with amounts in euros excluding VAT. */
export function priceSentence(facts: ContractFacts, locale: DocumentLocale): string {
  const total = documentMoney(facts.totalCents, locale);
  const milestones = facts.milestones.map((m) =>
    locale === "fr"
      ? `${quote(m.title.trim(), locale)} pour ${documentMoney(m.amountCents, locale)}, échéance le ${formatDate(m.dueOn, locale)}`
      : `${quote(m.title.trim(), locale)} for ${documentMoney(m.amountCents, locale)}, due on ${formatDate(m.dueOn, locale)}`,
  );
  if (locale === "fr") {
    const list = milestones.length ? `, réparti en ${milestones.length} jalon${milestones.length > 1 ? "s" : ""}\u00a0: ${milestones.join("\u00a0; ")}` : "";
    return `Le prix total convenu est de ${total} hors taxes${list}.`;
  }
  const list = milestones.length ? `, split into ${milestones.length} milestone${milestones.length > 1 ? "s" : ""}: ${milestones.join("; ")}` : "";
  return `The total agreed price is ${total} excluding VAT${list}.`;
}
