import type { RetainerTerms } from "@/db/schema/retainers";
import { documentMoney } from "@/lib/money/format";
import { timeOfDay } from "@/lib/retainers/schemas";
import { joinList } from "./format";
import type { DocumentLocale, DocumentSection } from "./types";

const dayNames = {
  fr: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
} as const;

const severityNames = {
  fr: { critical: "critique (service arrêté)", high: "haute (service dégradé)", normal: "normale", low: "basse (demande d’évolution ou question)" },
  en: { critical: "critical (service down)", high: "high (service degraded)", normal: "normal", low: "low (change request or question)" },
} as const;

/**
 * The service level of a support retainer, written into the contract document both parties accept:
 * the monthly fee and hours, the response targets, what is covered and when, the term and the
 * notice. French is binding; the English text translates it.
 */
export function serviceLevelSection(terms: RetainerTerms, locale: DocumentLocale): DocumentSection {
  const fee = documentMoney(terms.monthlyFeeCents, locale);
  const extra = documentMoney(terms.extraHourCents, locale);
  const days = joinList(terms.workingHours.days.map((d) => dayNames[locale][d - 1] ?? String(d)), locale);
  const [start, end] = [timeOfDay(terms.workingHours.startMinute), timeOfDay(terms.workingHours.endMinute)];
  const targets = (["critical", "high", "normal", "low"] as const).map((s) =>
    locale === "fr" ? `${severityNames.fr[s]}\u00a0: ${terms.responseHours[s]}\u00a0heures ouvrées` : `${severityNames.en[s]}: ${terms.responseHours[s]} working hours`,
  );
  const software = joinList(terms.coveredSoftware, locale);
  const hosts = terms.coveredHosts.length ? joinList(terms.coveredHosts, locale) : null;
  if (locale === "fr") {
    return {
      heading: "Annexe – Niveau de service du support mensuel",
      paragraphs: [
        `Le Prestataire assure un support mensuel pour un forfait de ${fee} hors taxes par mois, qui comprend ${terms.hoursIncluded}\u00a0heure${terms.hoursIncluded > 1 ? "s" : ""} d’intervention. Chaque heure au-delà est facturée ${extra} hors taxes, avec l’échéance suivante, après approbation du Client.`,
        `Le forfait est prélevé chaque mois, à l’avance, sur le moyen de paiement enregistré par le Client (prélèvement SEPA ou carte)\u00a0; la plateforme Compagnon le conserve jusqu’à la fin du mois, puis le reverse au Prestataire et émet la facture.`,
        `Logiciels couverts\u00a0: ${software}.${hosts ? ` Serveurs et hôtes couverts\u00a0: ${hosts}.` : ""}`,
        `Heures ouvrées\u00a0: ${days}, de ${start} à ${end}, heure de Paris, hors jours fériés en France. Les délais de réponse courent en heures ouvrées à compter de l’ouverture de la demande\u00a0: ${targets.join("\u00a0; ")}.`,
        `Le support est conclu pour une durée minimale de ${terms.minimumTermMonths}\u00a0mois, puis se poursuit de mois en mois. Chaque Partie peut y mettre fin moyennant un préavis de ${terms.noticeDays}\u00a0jours, sans que la fin puisse intervenir avant le terme de la durée minimale.`,
      ],
    };
  }
  return {
    heading: "Schedule – Service level of the monthly support",
    paragraphs: [
      `The Provider gives monthly support for a fee of ${fee} excluding VAT a month, which includes ${terms.hoursIncluded} hour${terms.hoursIncluded === 1 ? "" : "s"} of work. Each further hour is billed ${extra} excluding VAT, with the next charge, once the Client approves it.`,
      `The fee is charged each month in advance to the payment method the Client saved (SEPA Direct Debit or card); the Compagnon platform holds it until the end of the month, then pays it to the Provider and issues the invoice.`,
      `Software covered: ${software}.${hosts ? ` Servers and hosts covered: ${hosts}.` : ""}`,
      `Working hours: ${days}, ${start}–${end}, Paris time, French public holidays excepted. Response times run in working hours from the opening of a request: ${targets.join("; ")}.`,
      `The support is agreed for a minimum term of ${terms.minimumTermMonths} month${terms.minimumTermMonths === 1 ? "" : "s"}, then continues month to month. Either Party may end it with ${terms.noticeDays} days' notice, the end falling no earlier than the end of the minimum term.`,
    ],
  };
}
