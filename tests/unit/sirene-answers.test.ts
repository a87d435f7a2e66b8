import { describe, expect, it } from "vitest";
import { legalCategoryLabel } from "@/lib/companies/legal-categories";
import { parseSirenAnswer, parseSiretAnswer } from "@/lib/companies/sirene-client";

describe("Sirene answers", () => {
  it("names a sole trader 'first name last name' and reads a ceased legal unit as closed", () => {
    const company = parseSirenAnswer({
      uniteLegale: {
        siren: "732829320",
        prenom1UniteLegale: "KARIM",
        periodesUniteLegale: [
          { dateFin: null, etatAdministratifUniteLegale: "C", nomUniteLegale: "HADDAD", categorieJuridiqueUniteLegale: "1000", activitePrincipaleUniteLegale: "62.02A" },
          { dateFin: "2020-01-01", etatAdministratifUniteLegale: "A", nomUniteLegale: "HADDAD" },
        ],
      },
    });
    expect(company).toMatchObject({ status: "closed", legalName: "KARIM HADDAD", legalCategory: "1000", nafCode: "62.02A", address: null });
  });

  it("reads a closed establishment of an active company as closed, with its address on one line", () => {
    const company = parseSiretAnswer({
      etablissement: {
        siret: "73282932000017",
        uniteLegale: { etatAdministratifUniteLegale: "A", denominationUniteLegale: "ATELIER LEFEVRE", categorieJuridiqueUniteLegale: "5720" },
        adresseEtablissement: { numeroVoieEtablissement: "4", indiceRepetitionEtablissement: "B", typeVoieEtablissement: "CHE", libelleVoieEtablissement: "DES ARTISANS", codePostalEtablissement: "44000", libelleCommuneEtablissement: "NANTES" },
        periodesEtablissement: [{ dateFin: null, etatAdministratifEtablissement: "F", activitePrincipaleEtablissement: "16.23Z" }],
      },
    });
    expect(company).toMatchObject({ status: "closed", legalName: "ATELIER LEFEVRE", address: "4 B CHE DES ARTISANS 44000 NANTES", nafCode: "16.23Z" });
    expect(parseSiretAnswer({ etablissement: { periodesEtablissement: [{ dateFin: null, etatAdministratifEtablissement: "A" }], uniteLegale: {} } }).status).toBe("active");
  });

  it("labels legal categories, falling back to the code", () => {
    expect(legalCategoryLabel("5710")).toBe("Société par actions simplifiée (SAS)");
    expect(legalCategoryLabel("8110")).toBe("Catégorie juridique 8110");
    expect(legalCategoryLabel(null)).toBeNull();
  });
});
