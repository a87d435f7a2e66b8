import { env } from "@/lib/env";
import { log } from "@/lib/observability/logger";

const logger = log("companies");

/** INSEE's Sirene API (portail-api.insee.fr, plan "Simple": one integration key in a header). */
export const DEFAULT_SIRENE_API_URL = "https://api.insee.fr/api-sirene/3.11";
const TIMEOUT_MS = 5_000;

export interface SireneCompany {
  status: "active" | "closed";
  legalName: string | null;
  address: string | null;
  legalCategory: string | null;
  nafCode: string | null;
  raw: Record<string, unknown>;
}

/** A definite answer (found or not found), or `unavailable` (no key, timeout, error, quota). */
export type SireneAnswer = SireneCompany | { status: "not_found" } | { status: "unavailable" };

type Json = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
const obj = (value: unknown): Json => (value && typeof value === "object" ? (value as Json) : {});

/** The current period (dateFin null) of a unit's history, or its first one. */
function currentPeriod(periods: unknown): Json {
  const list = Array.isArray(periods) ? (periods as Json[]) : [];
  return list.find((p) => p?.dateFin === null || p?.dateFin === undefined) ?? list[0] ?? {};
}

/** Company name: the denomination, or "Prénom NOM" of a sole trader. */
function unitName(unit: Json, period: Json): string | null {
  const denomination = str(period.denominationUniteLegale) ?? str(unit.denominationUniteLegale);
  if (denomination) return denomination;
  const last = str(period.nomUsageUniteLegale) ?? str(period.nomUniteLegale) ?? str(unit.nomUsageUniteLegale) ?? str(unit.nomUniteLegale);
  const first = str(unit.prenomUsuelUniteLegale) ?? str(unit.prenom1UniteLegale);
  return [first, last].filter(Boolean).join(" ") || null;
}

function addressLine(address: Json): string | null {
  const parts = [
    address.numeroVoieEtablissement,
    address.indiceRepetitionEtablissement,
    address.typeVoieEtablissement,
    address.libelleVoieEtablissement,
    address.codePostalEtablissement,
    address.libelleCommuneEtablissement,
  ].map(str);
  return parts.filter(Boolean).join(" ") || null;
}

/** Reads a `/siret/{siret}` answer: the establishment's state decides active or closed. */
export function parseSiretAnswer(body: Json): SireneCompany {
  const establishment = obj(body.etablissement);
  const unit = obj(establishment.uniteLegale);
  const period = currentPeriod(establishment.periodesEtablissement);
  const unitClosed = str(unit.etatAdministratifUniteLegale) === "C";
  return {
    status: str(period.etatAdministratifEtablissement) === "F" || unitClosed ? "closed" : "active",
    legalName: unitName(unit, unit),
    address: addressLine(obj(establishment.adresseEtablissement)),
    legalCategory: str(unit.categorieJuridiqueUniteLegale),
    nafCode: str(period.activitePrincipaleEtablissement) ?? str(unit.activitePrincipaleUniteLegale),
    raw: { siret: establishment.siret, etatAdministratifEtablissement: period.etatAdministratifEtablissement, etatAdministratifUniteLegale: unit.etatAdministratifUniteLegale },
  };
}

/** Reads a `/siren/{siren}` answer: the legal unit's state (A active, C ceased). */
export function parseSirenAnswer(body: Json): SireneCompany {
  const unit = obj(body.uniteLegale);
  const period = currentPeriod(unit.periodesUniteLegale);
  return {
    status: str(period.etatAdministratifUniteLegale) === "C" ? "closed" : "active",
    legalName: unitName(unit, period),
    address: null,
    legalCategory: str(period.categorieJuridiqueUniteLegale),
    nafCode: str(period.activitePrincipaleUniteLegale),
    raw: { siren: unit.siren, etatAdministratifUniteLegale: period.etatAdministratifUniteLegale },
  };
}

/**
 * Asks Sirene about a SIREN (9 digits) or SIRET (14 digits). Never throws: without a key, on a
 * timeout, a network error or an unexpected status the answer is `unavailable`. Never call it
 * inside a database transaction.
 */
export async function askSirene(identifier: string, timeoutMs = TIMEOUT_MS): Promise<SireneAnswer> {
  const { SIRENE_API_KEY: key, SIRENE_API_URL: base } = env();
  if (!key) return { status: "unavailable" };
  const kind = identifier.length === 14 ? "siret" : "siren";
  const url = `${(base ?? DEFAULT_SIRENE_API_URL).replace(/\/+$/, "")}/${kind}/${identifier}`;
  try {
    const response = await fetch(url, {
      headers: { "X-INSEE-Api-Key-Integration": key, accept: "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status === 404) return { status: "not_found" };
    if (!response.ok) {
      logger.warn({ status: response.status, kind }, "sirene lookup failed");
      return { status: "unavailable" };
    }
    const body = obj(await response.json());
    return kind === "siret" ? parseSiretAnswer(body) : parseSirenAnswer(body);
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error), kind }, "sirene unreachable");
    return { status: "unavailable" };
  }
}
