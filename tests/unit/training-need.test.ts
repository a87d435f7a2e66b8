import { describe, expect, it } from "vitest";
import type { ContractFacts, JobTrainingNeed, TrainingFacts } from "@/db/schema";
import { buildContractDocument, contractDocumentSha256, contractDocumentText, isContractDocumentKind } from "@/lib/contracts/documents/build";
import { acceptanceSection } from "@/lib/contracts/documents/pdf";
import { trainingNeedFromValues, trainingNeedSchema, trainingNeedToValues } from "@/lib/jobs/training-need";
import { trainingTermsToForm } from "@/lib/training/form-input";

const need: JobTrainingNeed = {
  objectives: "Savoir créer un devis et une facture dans Odoo.",
  attendeesLevel: "Débutants",
  durationHours: 14,
  format: "mixed",
  attendeesCount: 5,
  wishedPeriod: "Avril 2027",
  qualiopiRequired: true,
};

describe("a training need's fields", () => {
  it("go from the saved need to the wizard's fields and back unchanged", () => {
    const parsed = trainingNeedSchema.safeParse(trainingNeedFromValues(trainingNeedToValues(need)));
    expect(parsed.success && parsed.data).toEqual(need);
    expect(trainingNeedToValues(null)).toEqual({});
  });

  it("trim the text, read whole numbers and a yes/no answer, and refuse anything else", () => {
    const parsed = trainingNeedSchema.safeParse(trainingNeedFromValues({ ...trainingNeedToValues(need), trainingObjectives: `  ${need.objectives}  `, trainingQualiopi: "no" }));
    expect(parsed.success && parsed.data).toEqual({ ...need, qualiopiRequired: false });
    const refused = trainingNeedSchema.safeParse(trainingNeedFromValues({ ...trainingNeedToValues(need), trainingHours: "7.5", trainingAttendees: "0", trainingQualiopi: "maybe" }));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["trainingHours", "trainingHours"],
      ["trainingAttendees", "trainingAttendees"],
      ["trainingQualiopi", "required"],
    ]);
  });

  it("start the expert's terms form until the expert saved terms of their own", () => {
    expect(trainingTermsToForm(null, need)).toEqual({
      objectives: need.objectives,
      prerequisites: "Débutants",
      durationHours: "14",
      format: "mixed",
      attendeesCount: "5",
      priceBasis: "per_session",
    });
    expect(trainingTermsToForm(null, null)).toEqual({ format: "on_site", priceBasis: "per_session" });
  });
});

const training: TrainingFacts = {
  objectives: "Savoir créer un devis et une facture dans Odoo.",
  prerequisites: "Aucun.",
  outline: "Matin : devis. Après-midi : factures.",
  durationHours: 7,
  format: "on_site",
  attendeesCount: 4,
  sessions: [{ date: "2027-04-12", slot: "full_day" }],
  priceBasis: "per_session",
  unitPriceCents: 90_000,
  activityDeclarationNumber: "84691234569",
  qualiopi: null,
  vatRateBps: 2000,
};

const facts = (overrides: Partial<ContractFacts> = {}): ContractFacts => ({
  client: { legalName: "Garage Dupont SARL", siren: "123456789", siret: null, vatNumber: null, address: "1 rue de Lyon, 69001 Lyon", representative: "Claire Martin" },
  expert: { name: "Sophie Bernard", legalForm: "ei", siret: "98765432100015", vatNumber: null },
  job: { title: "Former l’accueil à Odoo", description: "…", kind: "training", software: ["Odoo"], remote: false, departement: "69", dataSubjects: [], dataCategories: [] },
  method: "Une journée.",
  startOn: "2027-04-12",
  endOn: "2027-04-12",
  durationDays: 1,
  totalCents: 90_000,
  milestones: [{ title: "Session 1", amountCents: 90_000, dueOn: "2027-04-12" }],
  personalData: false,
  formedAt: "2027-03-01T10:00:00Z",
  training,
  ...overrides,
});

describe("the training agreement as a contract document", () => {
  it("is a contract document kind, built from the frozen facts only, with the VAT rate kept in them", () => {
    expect(isContractDocumentKind("training_agreement")).toBe(true);
    expect(isContractDocumentKind("constructor")).toBe(false);
    const doc = buildContractDocument("training_agreement", facts(), "fr");
    expect(contractDocumentText(doc)).toContain("La TVA au taux de 20\u00a0% s’y ajoute.");
    expect(contractDocumentText(buildContractDocument("training_agreement", facts({ training: { ...training, vatRateBps: 0 } }), "fr"))).toContain("Aucune TVA");
    // The same facts give the same hash; any change of a term changes it.
    expect(contractDocumentSha256(buildContractDocument("training_agreement", structuredClone(facts()), "fr"))).toBe(contractDocumentSha256(doc));
    expect(contractDocumentSha256(buildContractDocument("training_agreement", facts({ training: { ...training, durationHours: 8 } }), "fr"))).not.toBe(contractDocumentSha256(doc));
  });

  it("pins the wording to its version: change TRAINING_AGREEMENT_VERSION whenever the text changes", () => {
    const doc = buildContractDocument("training_agreement", facts(), "fr");
    expect({ version: doc.version, sha: contractDocumentSha256(doc) }).toEqual({ version: "formation-2026-12b", sha: "acb89a24a42628b439fd3c67ece7c02eb16312e0804f6127c7dba41cdd1c8e60" });
  });

  it("exists only for a training contract", () => {
    expect(() => buildContractDocument("training_agreement", facts({ training: undefined }), "fr")).toThrow();
  });

  it("lists each side's acceptance, or that it is still awaited, in the PDF's closing section", () => {
    const section = acceptanceSection(
      [
        { side: "client", party: "Garage Dupont SARL", acceptance: { userName: "Claire Martin", acceptedAt: new Date("2027-03-01T16:02:00Z"), version: "formation-2026-12b", contentSha256: "ab".repeat(32) } },
        { side: "expert", party: "Sophie Bernard", acceptance: null },
      ],
      "fr",
    );
    expect(section.paragraphs).toEqual([
      `Client (Garage Dupont SARL)\u00a0: acceptée par Claire Martin le 1er\u00a0mars 2027 à 17:02 (heure de Paris), version formation-2026-12b, empreinte SHA-256 ${"ab".repeat(32)}.`,
      "Prestataire (Sophie Bernard)\u00a0: pas encore acceptée.",
    ]);
  });
});
