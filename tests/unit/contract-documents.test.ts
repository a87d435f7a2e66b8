import { describe, expect, it } from "vitest";
import type { ContractFacts } from "@/db/schema/contracts";
import {
  DPA_VERSION,
  NDA_VERSION,
  buildContractDocument,
  contractDocumentSha256,
  contractDocumentText,
} from "@/lib/contracts/documents/build";
import { formatDate, formatParisDay } from "@/lib/contracts/documents/format";
import { documentMoney } from "@/lib/money/format";
import { contractDocumentFileName, renderContractDocumentPdf } from "@/lib/contracts/documents/pdf";
import { extractText, getDocumentProxy } from "unpdf";

const NNBSP = "\u202f";
const NBSP = "\u00a0";

function sampleFacts(overrides: Partial<ContractFacts> = {}): ContractFacts {
  return {
    client: {
      legalName: "Cabinet Médical des Cèdres SELARL",
      siren: "123456789",
      siret: "12345678900017",
      vatNumber: "FR32123456789",
      address: "12 rue de la Paix, 69002 Lyon",
      representative: "Élodie Lefèvre",
    },
    expert: { name: "Œuvre Libre Informatique", legalForm: "sasu", siret: "98765432100015", vatNumber: "FR11987654321" },
    job: {
      title: "Nextcloud et sauvegardes pour 12 postes",
      description: "Installer un Nextcloud.",
      kind: "installation",
      software: ["Nextcloud", "BorgBackup"],
      remote: false,
      departement: "69",
      dataSubjects: ["employees", "patients"],
      dataCategories: ["identity", "contact", "health"],
    },
    method: "Audit, installation, formation.",
    startOn: "2026-12-01",
    endOn: "2026-12-19",
    durationDays: 19,
    totalCents: 480_000,
    milestones: [
      { title: "Installation", amountCents: 300_000, dueOn: "2026-12-10" },
      { title: "Formation", amountCents: 180_000, dueOn: "2026-12-19" },
    ],
    personalData: true,
    formedAt: "2026-11-28T10:00:00Z",
    ...overrides,
  };
}

const withJob = (job: Partial<ContractFacts["job"]>) => sampleFacts({ job: { ...sampleFacts().job, ...job } });
const textOf = (kind: "nda" | "dpa", facts: ContractFacts, locale: "fr" | "en") => contractDocumentText(buildContractDocument(kind, facts, locale));

describe("formatting", () => {
  it("writes euros from integer cents, French and English typography", () => {
    expect(documentMoney(480_000, "fr")).toBe(`4${NNBSP}800,00${NBSP}€`);
    expect(documentMoney(123_456_789, "fr")).toBe(`1${NNBSP}234${NNBSP}567,89${NBSP}€`);
    expect(documentMoney(5, "fr")).toBe(`0,05${NBSP}€`);
    expect(documentMoney(480_000, "en")).toBe("€4,800.00");
    expect(() => documentMoney(10.5, "fr")).toThrow();
  });

  it("writes dates in words, 1er for the first of the month in French", () => {
    expect(formatDate("2026-02-01", "fr")).toBe(`1er${NBSP}février 2026`);
    expect(formatDate("2026-12-19", "fr")).toBe(`19${NBSP}décembre 2026`);
    expect(formatDate("2026-12-19", "en")).toBe(`19${NBSP}December 2026`);
    expect(() => formatDate("19/12/2026", "fr")).toThrow();
  });

  it("dates a timestamp by the Paris calendar", () => {
    expect(formatParisDay("2026-11-28T23:30:00Z", "fr")).toBe(`29${NBSP}novembre 2026`);
    expect(formatParisDay("2026-07-01T21:59:00Z", "en")).toBe(`1${NBSP}July 2026`);
  });
});

describe("data processing agreement (GDPR art. 28)", () => {
  const fr = textOf("dpa", sampleFacts(), "fr");
  const en = textOf("dpa", sampleFacts(), "en");

  it("names the controller and the processor with their identifiers", () => {
    for (const text of [fr, en]) {
      for (const needle of ["Cabinet Médical des Cèdres SELARL", "SIREN 123456789", "SIRET 12345678900017", "FR32123456789", "12 rue de la Paix, 69002 Lyon", "Élodie Lefèvre"]) {
        expect(text).toContain(needle);
      }
      for (const needle of ["Œuvre Libre Informatique", "SIRET 98765432100015", "FR11987654321"]) expect(text).toContain(needle);
    }
    expect(fr).toContain("«\u00a0le Responsable du traitement\u00a0»");
    expect(fr).toContain("«\u00a0le Sous-traitant\u00a0»");
    expect(en).toContain("“the Controller”");
    expect(en).toContain("“the Processor”");
  });

  it("states subject-matter, duration, nature and purpose from the facts", () => {
    expect(fr).toContain("«\u00a0Nextcloud et sauvegardes pour 12 postes\u00a0» (installation), portant sur Nextcloud et BorgBackup");
    expect(fr).toContain(`du 1er${NBSP}décembre 2026 au 19${NBSP}décembre 2026`);
    expect(fr).toContain(`Le 28${NBSP}novembre 2026`);
    expect(fr).toMatch(/Nature\u00a0: installation, paramétrage/);
    expect(fr).toContain("La mission est réalisée sur site, dans le département 69.");
    expect(fr).toMatch(/Finalité\u00a0: le traitement a pour seule finalité/);
    expect(en).toContain(`from 1${NBSP}December 2026 to 19${NBSP}December 2026`);
    expect(en).toMatch(/Nature: installation, configuration/);
    expect(en).toMatch(/Purpose: the sole purpose/);
  });

  it("lists the categories of data and of people in words", () => {
    expect(fr).toContain("Catégories de données à caractère personnel traitées\u00a0: données d’identification");
    expect(fr).toContain("coordonnées (adresse postale");
    expect(fr).toContain("Catégories de personnes concernées\u00a0: salariés et autres personnels\u00a0; patients.");
    expect(en).toContain("Categories of data subjects: employees and other staff; patients.");
    expect(en).toContain("health data");
  });

  it("contains every obligation of article 28(3), concretely", () => {
    const required = [
      /instruction documentée du Responsable du traitement/, // (a)
      /constitue une violation du RGPD/, // (a), last subparagraph
      /s’engagent à en respecter la confidentialité/, // (b)
      /article 32 du RGPD/, // (c)
      /connexions chiffrées.*VPN/,
      /identifiants personnels, uniques et robustes/,
      /authentification multifacteur/,
      /Moindre privilège/,
      /Aucune copie sur des équipements personnels/,
      /journalisation des accès/,
      /mises à jour de sécurité/,
      /autorisation écrite préalable et spécifique/, // (d)
      /pleinement responsable/,
      /chapitre III du RGPD/, // (e)
      /articles 32 à 36/, // (f)
      /au plus tard quarante-huit \(48\) heures/,
      /restitue toutes les données à caractère personnel ou les supprime/, // (g)
      /attestation écrite de restitution ou de destruction/,
      /permet la réalisation d’audits, y compris d’inspections/, // (h)
      /dans l’Union européenne/,
      /sans l’autorisation écrite préalable du Responsable du traitement/,
    ];
    for (const pattern of required) expect(fr).toMatch(pattern);
    const requiredEn = [
      /documented instructions from the Controller/,
      /committed themselves to confidentiality/,
      /article 32 GDPR/,
      /encrypted connections.*VPN/,
      /multi-factor authentication/,
      /Least privilege/,
      /No copy to personal devices/,
      /Logging/,
      /security updates/,
      /prior specific written authorisation/,
      /chapter III GDPR/,
      /articles 32 to 36/,
      /at the latest forty-eight \(48\) hours/,
      /written certificate of return or destruction/,
      /audits, including inspections/,
      /in the European Union/,
    ];
    for (const pattern of requiredEn) expect(en).toMatch(pattern);
  });

  it("flags health data as a special category only when it is processed", () => {
    expect(fr).toContain("catégories particulières de données de l’article 9 du RGPD");
    expect(en).toContain("special categories of data of article 9 GDPR");
    const noHealth = withJob({ dataCategories: ["identity", "technical"], dataSubjects: ["customers"] });
    expect(textOf("dpa", noHealth, "fr")).not.toContain("article 9");
    expect(textOf("dpa", noHealth, "en")).not.toContain("article 9");
    expect(textOf("dpa", noHealth, "fr")).toContain("données de connexion et données techniques");
  });

  it("says so when the categories were not given, and refuses a DPA without personal data", () => {
    const unspecified = textOf("dpa", withJob({ dataCategories: [], dataSubjects: [] }), "fr");
    expect(unspecified).toContain("elles n’ont pas été précisées lors de la publication du besoin");
    expect(() => buildContractDocument("dpa", sampleFacts({ personalData: false }), "fr")).toThrow();
  });

  it("keeps an unknown enum value as it is rather than inventing a label", () => {
    expect(textOf("dpa", withJob({ dataCategories: ["biometric"], kind: null }), "fr")).toContain("traitées\u00a0: biometric.");
  });
});

describe("non-disclosure agreement", () => {
  it("is built in both languages, with the English one marked as a translation", () => {
    const fr = buildContractDocument("nda", sampleFacts(), "fr");
    const en = buildContractDocument("nda", sampleFacts(), "en");
    expect(fr).toMatchObject({ kind: "nda", version: NDA_VERSION, locale: "fr", title: "Accord de confidentialité" });
    expect(en).toMatchObject({ kind: "nda", version: NDA_VERSION, locale: "en", title: "Non-disclosure agreement" });
    expect(en.sections[0]?.paragraphs[0]).toMatch(/translation.*Only the French text is binding/);
    expect(fr.sections.length).toBe(en.sections.length - 1);
    expect(buildContractDocument("dpa", sampleFacts(), "fr").version).toBe(DPA_VERSION);
  });

  it("covers confidential details, the client's systems, exceptions, 5 years, return and French law", () => {
    const fr = textOf("nda", sampleFacts(), "fr");
    for (const needle of [
      "les détails confidentiels du besoin",
      "systèmes d’information du Client",
      "Exceptions",
      "cinq (5) ans après son terme",
      "Restitution et destruction",
      "soumis au droit français",
      "«\u00a0le Prestataire\u00a0»",
      `4${NNBSP}800,00${NBSP}€ hors taxes`,
      `«\u00a0Formation\u00a0» pour 1${NNBSP}800,00${NBSP}€, échéance le 19${NBSP}décembre 2026`,
      "accord de sous-traitance",
    ]) {
      expect(fr).toContain(needle);
    }
    const en = textOf("nda", sampleFacts(), "en");
    for (const needle of ["five (5) years after it ends", "governed by French law", "€4,800.00 excluding VAT", "“the Expert”"]) expect(en).toContain(needle);
  });

  it("points to article 28 when personal data may be reached by surprise", () => {
    expect(textOf("nda", sampleFacts({ personalData: false }), "fr")).toContain("ne prévoit pas d’accès à des données à caractère personnel");
  });
});

describe("missing facts", () => {
  const sparse = sampleFacts({
    client: { legalName: "Atelier Dupont", siren: "552100554", siret: null, vatNumber: null, address: "1 place Bellecour, 69002 Lyon", representative: " " },
    expert: { name: "Jeanne Martin", legalForm: null, siret: null, vatNumber: null },
    job: { ...sampleFacts().job, kind: null, software: [], remote: null, departement: null },
    milestones: [],
  });

  it("omits what is null or blank without leaving holes", () => {
    for (const kind of ["nda", "dpa"] as const) {
      for (const locale of ["fr", "en"] as const) {
        const text = textOf(kind, sparse, locale);
        expect(text).not.toMatch(/\bnull\b|undefined|NaN|SIRET|TVA|VAT number|représentée|represented by|, ,|\(\)|portant sur|covering/);
        expect(text).toContain("Jeanne Martin, ");
        expect(text).toContain("SIREN 552100554");
      }
    }
    expect(textOf("nda", sparse, "fr")).toContain(`Le prix total convenu est de 4${NNBSP}800,00${NBSP}€ hors taxes.`);
  });
});

describe("text and hash", () => {
  it("renders title, version and sections as plain text", () => {
    const doc = buildContractDocument("nda", sampleFacts(), "fr");
    const text = contractDocumentText(doc);
    expect(text.startsWith(`Accord de confidentialité\nVersion\u00a0: ${NDA_VERSION}\n\nEntre les soussignés\n\n`)).toBe(true);
    expect(text.endsWith("\n")).toBe(true);
    expect(text).not.toMatch(/\n{3}/);
  });

  it("is stable for the same facts and changes when a fact changes", () => {
    const hash = contractDocumentSha256(buildContractDocument("dpa", sampleFacts(), "fr"));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(contractDocumentSha256(buildContractDocument("dpa", structuredClone(sampleFacts()), "fr"))).toBe(hash);
    const changed = [
      sampleFacts({ client: { ...sampleFacts().client, siret: "12345678900025" } }),
      sampleFacts({ endOn: "2026-12-20" }),
      withJob({ dataCategories: ["identity", "contact"] }),
    ];
    for (const facts of changed) expect(contractDocumentSha256(buildContractDocument("dpa", facts, "fr"))).not.toBe(hash);
    expect(contractDocumentSha256(buildContractDocument("dpa", sampleFacts(), "en"))).not.toBe(hash);
  });

  it("pins the wording to its version: change the version whenever the text changes", () => {
    // When this fails after a deliberate change of wording, bump NDA_VERSION / DPA_VERSION and update the hashes.
    const pinned = {
      nda: { version: NDA_VERSION, sha: contractDocumentSha256(buildContractDocument("nda", sampleFacts(), "fr")) },
      dpa: { version: DPA_VERSION, sha: contractDocumentSha256(buildContractDocument("dpa", sampleFacts(), "fr")) },
    };
    expect(pinned).toEqual({
      nda: { version: "nda-2026-11", sha: "ea2c311c117c8c90100d94d4088b7e345979b318f94d806c8c4553e0a8023c43" },
      dpa: { version: "dpa-2026-11", sha: "f57d6e2e39eea703b75e952d240fc07523ba9b80ab13c0a190ce44dd656745a6" },
    });
  });

  it("renders as a PDF carrying the text, the version and the hash", async () => {
    const doc = buildContractDocument("dpa", sampleFacts(), "fr");
    const pdf = await getDocumentProxy(await renderContractDocumentPdf(doc));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(pdf.numPages).toBeGreaterThan(2);
    for (const needle of ["Accord de sous-traitance de données à caractère personnel", "Version dpa-2026-11", "Article 10 – Violation de données à caractère personnel", "Cabinet Médical des Cèdres SELARL"]) {
      expect(flat).toContain(needle);
    }
    expect(flat).toContain(contractDocumentSha256(doc));
  });

  it("names the PDF file after the document", () => {
    expect(contractDocumentFileName(buildContractDocument("dpa", sampleFacts(), "en"))).toBe("data-processing-agreement-dpa-2026-11-en.pdf");
  });
});
