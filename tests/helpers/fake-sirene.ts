import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeCompany {
  siren: string;
  name: string;
  /** "A" active, "C" ceased (legal unit) / "F" closed (establishment): give `closed: true`. */
  closed?: boolean;
  legalCategory?: string;
  naf?: string;
}

/**
 * A small stand-in for INSEE's Sirene API 3.11 on loopback, answering `/siret/{siret}` and
 * `/siren/{siren}` in Sirene's shape. Unknown numbers get 404; a wrong key 401; `down(true)`
 * makes every call answer 503, `hang(true)` makes calls never answer.
 */
export async function startFakeSirene(key = "test-sirene-key") {
  const companies = new Map<string, FakeCompany>();
  const requests: { path: string; key: string | undefined }[] = [];
  let isDown = false;
  let isHanging = false;
  const hanging: http.ServerResponse[] = [];

  const server = http.createServer((req, res) => {
    const path = req.url ?? "";
    const sentKey = req.headers["x-insee-api-key-integration"];
    requests.push({ path, key: typeof sentKey === "string" ? sentKey : undefined });
    if (isHanging) {
      hanging.push(res);
      return;
    }
    res.setHeader("content-type", "application/json");
    const reply = (status: number, body: unknown) => {
      res.statusCode = status;
      res.end(JSON.stringify(body));
    };
    if (isDown) return reply(503, { fault: { message: "Service unavailable" } });
    if (sentKey !== key) return reply(401, { fault: { message: "Invalid API key" } });
    const match = /\/(siret|siren)\/(\d+)$/.exec(path);
    const company = match ? companies.get(match[2]!.slice(0, 9)) : undefined;
    if (!match || !company) return reply(404, { header: { statut: 404, message: "Aucun élément trouvé" } });
    const state = company.closed ? "C" : "A";
    const unit = {
      siren: company.siren,
      etatAdministratifUniteLegale: state,
      denominationUniteLegale: company.name,
      categorieJuridiqueUniteLegale: company.legalCategory ?? "5710",
      activitePrincipaleUniteLegale: company.naf ?? "62.02A",
    };
    if (match[1] === "siren") {
      return reply(200, {
        header: { statut: 200, message: "OK" },
        uniteLegale: { siren: company.siren, periodesUniteLegale: [{ dateFin: null, ...unit }] },
      });
    }
    return reply(200, {
      header: { statut: 200, message: "OK" },
      etablissement: {
        siren: company.siren,
        siret: match[2],
        uniteLegale: unit,
        adresseEtablissement: {
          numeroVoieEtablissement: "12",
          typeVoieEtablissement: "RUE",
          libelleVoieEtablissement: "DES LILAS",
          codePostalEtablissement: "69003",
          libelleCommuneEtablissement: "LYON",
        },
        periodesEtablissement: [
          { dateFin: null, etatAdministratifEtablissement: company.closed ? "F" : "A", activitePrincipaleEtablissement: company.naf ?? "62.02A" },
        ],
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api-sirene/3.11`,
    key,
    requests,
    add: (company: FakeCompany) => void companies.set(company.siren, company),
    down: (value: boolean) => void (isDown = value),
    hang: (value: boolean) => void (isHanging = value),
    close: () => {
      for (const res of hanging) res.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
