import { writeFile } from "node:fs/promises";
import { extractText } from "unpdf";
import { describe, expect, it } from "vitest";
import type { ContractFacts } from "@/db/schema/contracts";
import { renderTableDocumentPdf } from "@/lib/pdf/table-document";
import { renderTextDocumentPdf } from "@/lib/pdf/text-document";
import { formatDeclarationNumber, trainingAgreement } from "@/lib/training/documents/agreement";
import { attendanceSheet, completionCertificate } from "@/lib/training/documents/sheets";

const facts: ContractFacts = {
  client: { legalName: "Boulangerie Martin SARL", siren: "732829320", siret: "73282932000074", vatNumber: null, address: "12 rue de la République, 69002 Lyon", representative: "Claire Martin" },
  expert: { name: "Libre Conseil", legalForm: "eurl", siret: "44306184100047", vatNumber: null },
  job: { title: "Former l’équipe à Nextcloud", description: "", kind: "training", software: ["Nextcloud"], remote: false, departement: "69", dataSubjects: [], dataCategories: [] },
  method: "",
  startOn: "2027-03-08",
  endOn: "2027-03-15",
  durationDays: 8,
  totalCents: 180_000,
  milestones: [],
  personalData: false,
  formedAt: "2027-02-01T10:00:00.000Z",
  training: {
    objectives: "Savoir partager et synchroniser ses fichiers dans Nextcloud.",
    prerequisites: "Savoir utiliser un navigateur web.",
    outline: "Jour 1 : partage et synchronisation. Demi-journée 2 : droits et versions.",
    durationHours: 10,
    format: "on_site",
    attendeesCount: 3,
    sessions: [
      { date: "2027-03-08", slot: "full_day" },
      { date: "2027-03-15", slot: "morning" },
    ],
    priceBasis: "per_session",
    unitPriceCents: 90_000,
    activityDeclarationNumber: "84691234569",
    qualiopi: { certificateNumber: "QUA-2026-0042", expiresOn: "2028-12-31" },
  },
};

const textOf = async (pdf: Uint8Array) => (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, " ");
const keep = (name: string, pdf: Uint8Array) => (process.env.KEEP_TRAINING_PDFS ? writeFile(`${process.env.KEEP_TRAINING_PDFS}/${name}.pdf`, pdf) : Promise.resolve());

describe("the training documents", () => {
  it("the agreement (art. L6353-1) names the parties, program, sessions, duration, price, attendees, NDA and Qualiopi numbers, in French", async () => {
    const doc = trainingAgreement(facts, 0, "fr");
    const pdf = await renderTextDocumentPdf({ title: doc.title, sections: doc.sections, lang: "fr" });
    await keep("agreement-fr", pdf);
    const text = await textOf(pdf);
    expect(text).toContain("Convention de formation professionnelle");
    expect(text).toContain("L6353-1");
    expect(text).toContain("Boulangerie Martin SARL");
    expect(text).toContain("Libre Conseil");
    expect(text).toContain("Savoir partager et synchroniser");
    expect(text).toContain("Durée totale : 10 heures, en présentiel, dans le département 69");
    expect(text).toMatch(/Session 1 : 8 mars 2027, journée complète/);
    expect(text).toMatch(/Session 2 : 15 mars 2027, matin/);
    expect(text).toMatch(/900,00 € hors taxes par session, pour 2 sessions, soit 1 800,00 € hors taxes au total/);
    expect(text).toContain("Effectif prévu : 3 stagiaires");
    expect(text).toContain("84 69 12345 69");
    expect(text).toContain("certificat n° QUA-2026-0042, valable jusqu’au 31 décembre 2028");
  });

  it("the English agreement is a translation that says the French text is binding, and states no Qualiopi when there is none", async () => {
    const training = facts.training ? { ...facts.training, qualiopi: null, priceBasis: "per_person" as const, unitPriceCents: 60_000 } : undefined;
    const doc = trainingAgreement({ ...facts, training }, 2000, "en");
    const pdf = await renderTextDocumentPdf({ title: doc.title, sections: doc.sections, lang: "en" });
    await keep("agreement-en", pdf);
    const text = await textOf(pdf);
    expect(text).toContain("Vocational training agreement");
    expect(text).toContain("Only the French text is binding");
    expect(text).toContain("€600.00 excluding VAT per attendee, for 3 attendees, that is €1,800.00 excluding VAT in all. VAT at 20% is added.");
    expect(text).toContain("has not declared a Qualiopi certification");
    expect(text).toContain("Session 2: 15 March 2027, morning");
  });

  it("the attendance sheet has a row per attendee and a signature column per half-day, then the trainer's row", async () => {
    const full = await renderTableDocumentPdf(attendanceSheet(facts, { date: "2027-03-08", slot: "full_day" }, 0, ["Léa Dubois", "Marc Lefèvre", "Łukasz Nowak"], "fr"));
    await keep("attendance-fr", full);
    const text = await textOf(full);
    expect(text).toContain("Feuille d’émargement");
    expect(text).toContain("Session 1/2 — 8 mars 2027, journée complète");
    expect(text).toContain("Matin — 8 mars 2027");
    expect(text).toContain("Après-midi — 8 mars 2027");
    for (const name of ["Léa Dubois", "Marc Lefèvre", "Łukasz Nowak", "Formateur : Libre Conseil"]) expect(text).toContain(name);
    expect(text).toContain("84 69 12345 69");

    const half = await renderTableDocumentPdf(attendanceSheet(facts, { date: "2027-03-15", slot: "morning" }, 1, [], "en"));
    await keep("attendance-en", half);
    const english = await textOf(half);
    expect(english).toContain("Attendance sheet");
    expect(english).toContain("Morning — 15 March 2027");
    expect(english).not.toContain("Afternoon");
    expect(english.match(/Full name:/g)).toHaveLength(3);
  });

  it("the certificate of completion names the attendee, objectives, nature, dates and duration, in both languages", async () => {
    const fr = completionCertificate(facts, "Léa Dubois", "fr");
    const pdf = await renderTextDocumentPdf({ ...fr, lang: "fr" });
    await keep("certificate-fr", pdf);
    const text = await textOf(pdf);
    expect(text).toContain("Attestation de fin de formation");
    expect(text).toContain("Léa Dubois");
    expect(text).toContain("a suivi l’action de formation « Former l’équipe à Nextcloud » du 8 mars 2027 au 15 mars 2027");
    expect(text).toContain("d’une durée de 10 heures, en présentiel, en 2 sessions");
    expect(text).toContain("Résultats de l’évaluation des acquis");
    const en = completionCertificate(facts, "Léa Dubois", "en");
    const english = await textOf(await renderTextDocumentPdf({ ...en, lang: "en" }));
    await keep("certificate-en", await renderTextDocumentPdf({ ...en, lang: "en" }));
    expect(english).toContain("Certificate of completion");
    expect(english).toContain("attended the training “Former l’équipe à Nextcloud” from 8 March 2027 to 15 March 2027");
  });

  it("writes the declaration number as the prefecture does", () => {
    expect(formatDeclarationNumber("84691234569")).toBe("84 69 12345 69");
  });
});
