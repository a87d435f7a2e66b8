import type { ContractFacts, TrainingFacts } from "@/db/schema";
import { formatDate, formatParisDay } from "@/lib/contracts/documents/format";
import { bpsToPercent, documentMoney } from "@/lib/money/format";
import { clientParty, expertParty, TRANSLATION_NOTICE_EN } from "@/lib/contracts/documents/parties";
import type { DocumentLocale, DocumentSection } from "@/lib/contracts/documents/types";
import { formatLabel, sessionLine, trainingPlace } from "../text";

/** Change whenever the agreement's wording changes, even by a word. */
export const TRAINING_AGREEMENT_VERSION = "formation-2026-12b";

/** "84 69 12345 69": the activity declaration number as the prefecture writes it. */
export function formatDeclarationNumber(digits: string): string {
  return /^\d{11}$/.test(digits) ? `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 9)} ${digits.slice(9)}` : digits;
}

function priceParagraphs(t: TrainingFacts, totalCents: number, vatRateBps: number, locale: DocumentLocale): string[] {
  const fr = locale === "fr";
  const unit = documentMoney(t.unitPriceCents, locale);
  const total = documentMoney(totalCents, locale);
  const basis =
    t.priceBasis === "per_session"
      ? fr
        ? `${unit} hors taxes par session, pour ${t.sessions.length} session${t.sessions.length > 1 ? "s" : ""}`
        : `${unit} excluding VAT per session, for ${t.sessions.length} session${t.sessions.length > 1 ? "s" : ""}`
      : fr
        ? `${unit} hors taxes par stagiaire, pour ${t.attendeesCount} stagiaire${t.attendeesCount > 1 ? "s" : ""}`
        : `${unit} excluding VAT per attendee, for ${t.attendeesCount} attendee${t.attendeesCount > 1 ? "s" : ""}`;
  const vat =
    vatRateBps > 0
      ? fr
        ? `La TVA au taux de ${bpsToPercent(vatRateBps)}\u00a0% s’y ajoute.`
        : `VAT at ${bpsToPercent(vatRateBps)}% is added.`
      : fr
        ? "Aucune TVA n’est facturée par l’Organisme de formation."
        : "The Training organisation charges no VAT.";
  return fr
    ? [
        `Le prix de l’action de formation est de ${basis}, soit ${total} hors taxes au total. ${vat}`,
        "Chaque session est payée séparément\u00a0: le Client en verse le prix sur la plateforme Compagnon avant la session, et il est reversé à l’Organisme de formation une fois la session réalisée et approuvée par le Client (ou approuvée automatiquement dans le délai indiqué sur la plateforme). Une facture est émise pour chaque session réglée.",
      ]
    : [
        `The price of the training is ${basis}, that is ${total} excluding VAT in all. ${vat}`,
        "Each session is paid separately: the Client pays its price on the Compagnon platform before the session, and it is paid out to the Training organisation once the session has been delivered and approved by the Client (or approved automatically within the time stated on the platform). An invoice is issued for each session paid.",
      ];
}

function organisationParagraphs(t: TrainingFacts, locale: DocumentLocale): string[] {
  const number = formatDeclarationNumber(t.activityDeclarationNumber);
  const lines =
    locale === "fr"
      ? [`Déclaration d’activité enregistrée sous le numéro ${number} auprès du préfet de région. Cet enregistrement ne vaut pas agrément de l’État (art. L6352-12 du Code du travail).`]
      : [`Training activity declaration (numéro de déclaration d’activité) registered under number ${number} with the regional prefect. This registration does not amount to approval by the State (art. L6352-12 of the French Labour Code).`];
  if (t.qualiopi) {
    lines.push(
      locale === "fr"
        ? `L’Organisme de formation est certifié Qualiopi au titre des actions de formation (certificat n° ${t.qualiopi.certificateNumber}, valable jusqu’au ${formatDate(t.qualiopi.expiresOn, locale)}).`
        : `The Training organisation holds the Qualiopi certification for training actions (certificate no. ${t.qualiopi.certificateNumber}, valid until ${formatDate(t.qualiopi.expiresOn, locale)}).`,
    );
  } else {
    lines.push(
      locale === "fr"
        ? "L’Organisme de formation n’a pas déclaré de certification Qualiopi\u00a0: l’action ne peut pas, à ce titre, être financée par des fonds publics ou mutualisés (art. L6316-1 du Code du travail)."
        : "The Training organisation has not declared a Qualiopi certification: the training cannot, on that account, be funded by public or pooled funds (art. L6316-1 of the French Labour Code).",
    );
  }
  return lines;
}

/**
 * The training agreement ("convention de formation professionnelle", art. L6353-1 and D6353-1
 * of the Code du travail) between the client company and the expert's training organisation,
 * from the facts frozen when the contract was formed. The French text is binding.
 */
export function trainingAgreement(facts: ContractFacts, vatRateBps: number, locale: DocumentLocale): { title: string; version: string; sections: DocumentSection[] } {
  const t = facts.training;
  if (!t) throw new Error("Not a training contract");
  const fr = locale === "fr";
  const place = trainingPlace(facts, locale);
  const sessions = t.sessions.map((s, i) => `Session ${i + 1}${fr ? "\u00a0:" : ":"} ${sessionLine(s, locale)}`);
  const sections: DocumentSection[] = [];
  if (!fr) sections.push({ heading: "Translation", paragraphs: [TRANSLATION_NOTICE_EN] });
  sections.push(
    {
      heading: fr ? "Entre les soussignés" : "Between the undersigned",
      paragraphs: [
        clientParty(facts, locale, fr ? "le Client" : "the Client"),
        fr ? "et" : "and",
        expertParty(facts, locale, fr ? "l’Organisme de formation" : "the Training organisation"),
        fr
          ? "Est conclue la présente convention, en application des articles L6353-1 et suivants du Code du travail."
          : "The following agreement is made, under articles L6353-1 et seq. of the French Labour Code (Code du travail).",
      ],
    },
    {
      heading: fr ? "Article 1 – Objet et nature de l’action" : "Article 1 – Purpose and nature of the training",
      paragraphs: [
        fr
          ? `L’Organisme de formation organise pour le Client l’action de formation «\u00a0${facts.job.title.trim()}\u00a0», action de formation au sens de l’article L6313-1 du Code du travail, acceptée sur la plateforme Compagnon le ${formatParisDay(facts.formedAt, locale)}.`
          : `The Training organisation provides the Client with the training “${facts.job.title.trim()}”, a training action within the meaning of article L6313-1 of the French Labour Code, accepted on the Compagnon platform on ${formatParisDay(facts.formedAt, locale)}.`,
      ],
    },
    { heading: fr ? "Article 2 – Objectifs" : "Article 2 – Objectives", paragraphs: [t.objectives] },
    { heading: fr ? "Article 3 – Prérequis et public" : "Article 3 – Prerequisites and attendees", paragraphs: [t.prerequisites, fr ? `Effectif prévu\u00a0: ${t.attendeesCount} stagiaire${t.attendeesCount > 1 ? "s" : ""}.` : `Planned number of attendees: ${t.attendeesCount}.`] },
    { heading: fr ? "Article 4 – Programme" : "Article 4 – Program", paragraphs: [t.outline] },
    {
      heading: fr ? "Article 5 – Durée, dates, lieu et modalités" : "Article 5 – Duration, dates, place and format",
      paragraphs: [
        fr ? `Durée totale\u00a0: ${t.durationHours}\u00a0heures, ${formatLabel(t.format, locale)}${place ? `, ${place}` : ""}.` : `Total duration: ${t.durationHours} hours, ${formatLabel(t.format, locale)}${place ? `, ${place}` : ""}.`,
        ...sessions,
      ],
    },
    { heading: fr ? "Article 6 – Prix et paiement" : "Article 6 – Price and payment", paragraphs: priceParagraphs(t, facts.totalCents, vatRateBps, locale) },
    {
      heading: fr ? "Article 7 – Suivi et évaluation" : "Article 7 – Attendance and assessment",
      paragraphs: [
        fr
          ? "La présence des stagiaires est attestée par une feuille d’émargement signée par chaque stagiaire et par le formateur, par demi-journée. Les acquis sont évalués en fin de formation\u00a0; une attestation de fin de formation mentionnant les objectifs, la nature, la durée de l’action et les résultats de l’évaluation des acquis est remise à chaque stagiaire (art. L6353-1 du Code du travail)."
          : "Attendance is recorded on an attendance sheet signed by each attendee and by the trainer, for each half-day. Learning is assessed at the end of the training; a certificate of completion stating the objectives, nature and duration of the training and the results of the assessment is given to each attendee (art. L6353-1 of the French Labour Code).",
      ],
    },
    { heading: fr ? "Article 8 – Organisme de formation" : "Article 8 – Training organisation", paragraphs: organisationParagraphs(t, locale) },
    {
      heading: fr ? "Article 9 – Annulation et litiges" : "Article 9 – Cancellation and disputes",
      paragraphs: [
        fr
          ? "Une session non réalisée n’est pas due\u00a0: son prix, s’il a été versé, est remboursé au Client selon les règles de la plateforme Compagnon. À défaut d’accord amiable, tout différend relève des tribunaux compétents du ressort du siège du Client. La présente convention est régie par le droit français."
          : "A session not delivered is not owed: its price, if paid, is refunded to the Client under the Compagnon platform’s rules. Failing an amicable settlement, any dispute falls within the jurisdiction of the competent courts for the Client’s registered office. This agreement is governed by French law.",
      ],
    },
    {
      heading: fr ? "Acceptation" : "Acceptance",
      paragraphs: [
        fr
          ? "Chaque partie accepte la présente convention sur la plateforme Compagnon, par une personne habilitée à l’engager. L’empreinte SHA-256 du texte français, la date et l’heure de chaque acceptation et la personne qui l’a donnée sont conservées et figurent sur l’exemplaire PDF. L’action de formation ne commence qu’une fois la convention acceptée par les deux parties."
          : "Each party accepts this agreement on the Compagnon platform, through a person entitled to bind it. The SHA-256 fingerprint of the French text, the date and time of each acceptance and the person who gave it are kept and appear on the PDF copy. The training starts only once both parties have accepted the agreement.",
      ],
    },
  );
  return { title: fr ? "Convention de formation professionnelle" : "Vocational training agreement", version: TRAINING_AGREEMENT_VERSION, sections };
}
