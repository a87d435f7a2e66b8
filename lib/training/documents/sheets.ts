import type { ContractFacts, TrainingFacts } from "@/db/schema";
import { formatDate } from "@/lib/contracts/documents/format";
import type { DocumentLocale, DocumentSection } from "@/lib/contracts/documents/types";
import type { TableDocumentInput } from "@/lib/pdf/table-document";
import { formatLabel, halfDayLabel, halfDays, sessionLine, trainingPlace } from "../text";
import { formatDeclarationNumber } from "./agreement";

type Session = TrainingFacts["sessions"][number];

function training(facts: ContractFacts): TrainingFacts {
  if (!facts.training) throw new Error("Not a training contract");
  return facts.training;
}

/**
 * The attendance sheet of one session ("feuille d'émargement"): a row per attendee and a
 * signature cell per half-day, then the trainer's row. Before the client lists its attendees,
 * blank rows are printed for the places agreed, names to be written by hand.
 */
export function attendanceSheet(facts: ContractFacts, session: Session, position: number, attendees: string[], locale: DocumentLocale): TableDocumentInput {
  const t = training(facts);
  const fr = locale === "fr";
  const place = trainingPlace(facts, locale);
  const halves = halfDays(session.slot);
  const blank = fr ? "Nom et prénom\u00a0:" : "Full name:";
  const rows = attendees.length > 0 ? attendees : Array.from({ length: t.attendeesCount }, () => blank);
  return {
    title: fr ? "Feuille d’émargement" : "Attendance sheet",
    subtitle: `Session ${position + 1}/${t.sessions.length} — ${sessionLine(session, locale)}`,
    facts: [
      { label: fr ? "Formation" : "Training", value: facts.job.title },
      { label: fr ? "Client" : "Client", value: facts.client.legalName },
      { label: fr ? "Organisme de formation" : "Training organisation", value: `${facts.expert.name} — ${fr ? "NDA" : "declaration no."} ${formatDeclarationNumber(t.activityDeclarationNumber)}` },
      { label: fr ? "Modalité" : "Format", value: `${formatLabel(t.format, locale)}${place ? `, ${place}` : ""}` },
      { label: fr ? "Durée totale" : "Total duration", value: fr ? `${t.durationHours}\u00a0heures` : `${t.durationHours} hours` },
    ],
    columns: [fr ? "Stagiaire" : "Attendee", ...halves.map((h) => `${halfDayLabel(h, locale)} — ${formatDate(session.date, locale)}`)],
    rows,
    closingRows: [fr ? `Formateur\u00a0: ${facts.expert.name}` : `Trainer: ${facts.expert.name}`],
    note: fr
      ? "Chaque stagiaire signe à chaque demi-journée de présence. Cette feuille justifie la réalisation de l’action auprès du Client et, le cas échéant, de son opérateur de compétences (OPCO)."
      : "Each attendee signs for each half-day attended. This sheet evidences the training to the Client and, where relevant, to its skills operator (OPCO).",
    footer: fr ? "Document établi par Compagnon pour l’Organisme de formation" : "Document prepared by Compagnon for the Training organisation",
    lang: locale,
  };
}

/**
 * The certificate of completion of one attendee ("attestation de fin de formation", art.
 * L6353-1 of the Code du travail): objectives, nature, dates and duration of the training, and a
 * place for the trainer to write the results of the assessment.
 */
export function completionCertificate(facts: ContractFacts, attendee: string, locale: DocumentLocale): { title: string; subtitle: string; sections: DocumentSection[] } {
  const t = training(facts);
  const fr = locale === "fr";
  const first = t.sessions[0]?.date ?? facts.startOn;
  const last = t.sessions[t.sessions.length - 1]?.date ?? facts.endOn;
  const period = first === last ? (fr ? `le ${formatDate(first, locale)}` : `on ${formatDate(first, locale)}`) : fr ? `du ${formatDate(first, locale)} au ${formatDate(last, locale)}` : `from ${formatDate(first, locale)} to ${formatDate(last, locale)}`;
  const number = formatDeclarationNumber(t.activityDeclarationNumber);
  return {
    title: fr ? "Attestation de fin de formation" : "Certificate of completion",
    subtitle: fr ? "Article L6353-1 du Code du travail" : "Article L6353-1 of the French Labour Code",
    sections: [
      {
        heading: fr ? "Attestation" : "Certificate",
        paragraphs: [
          fr
            ? `${facts.expert.name}, organisme de formation dont la déclaration d’activité est enregistrée sous le numéro ${number}, atteste que\u00a0:`
            : `${facts.expert.name}, a training organisation whose activity declaration is registered under number ${number}, certifies that:`,
          attendee,
          fr
            ? `salarié(e) de ${facts.client.legalName}, a suivi l’action de formation «\u00a0${facts.job.title.trim()}\u00a0» ${period}.`
            : `employed by ${facts.client.legalName}, attended the training “${facts.job.title.trim()}” ${period}.`,
        ],
      },
      {
        heading: fr ? "Nature, durée et modalité" : "Nature, duration and format",
        paragraphs: [
          fr
            ? `Action de formation au sens de l’article L6313-1 du Code du travail, d’une durée de ${t.durationHours}\u00a0heures, ${formatLabel(t.format, locale)}, en ${t.sessions.length} session${t.sessions.length > 1 ? "s" : ""}.`
            : `Training action within the meaning of article L6313-1 of the French Labour Code, lasting ${t.durationHours} hours, ${formatLabel(t.format, locale)}, in ${t.sessions.length} session${t.sessions.length > 1 ? "s" : ""}.`,
          ...(t.qualiopi ? [fr ? `Organisme certifié Qualiopi (certificat n° ${t.qualiopi.certificateNumber}).` : `Qualiopi-certified organisation (certificate no. ${t.qualiopi.certificateNumber}).`] : []),
        ],
      },
      { heading: fr ? "Objectifs" : "Objectives", paragraphs: [t.objectives] },
      {
        heading: fr ? "Résultats de l’évaluation des acquis" : "Results of the assessment",
        paragraphs: [fr ? "Objectifs atteints\u00a0: totalement / partiellement / non atteints (rayer les mentions inutiles).\nObservations du formateur\u00a0:\n\n" : "Objectives met: fully / partly / not met (strike out as appropriate).\nTrainer’s remarks:\n\n"],
      },
      {
        heading: fr ? "Fait pour servir et valoir ce que de droit" : "Signed",
        paragraphs: [fr ? `Le formateur, ${facts.expert.name} (date et signature)\u00a0:\n\n` : `The trainer, ${facts.expert.name} (date and signature):\n\n`],
      },
    ],
  };
}
