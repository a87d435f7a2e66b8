import "server-only";
import { inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { companyChecks, type CompanyCheck } from "@/db/schema";
import { askSirene } from "./sirene-client";
import { legalCategoryLabel } from "./legal-categories";

/** How long a stored answer is reused by the forms before Sirene is asked again. */
const FRESH_FOR_MS = 24 * 60 * 60 * 1000;

export interface CompanyStatus {
  identifier: string;
  /** `not_checked`: no API key, or Sirene did not answer; never blocks anyone. */
  status: "active" | "closed" | "not_found" | "not_checked";
  legalName: string | null;
  address: string | null;
  legalCategory: string | null;
  legalForm: string | null;
  nafCode: string | null;
  checkedAt: Date | null;
}

export function notChecked(identifier: string): CompanyStatus {
  return { identifier, status: "not_checked", legalName: null, address: null, legalCategory: null, legalForm: null, nafCode: null, checkedAt: null };
}

function fromRow(row: CompanyCheck): CompanyStatus {
  return {
    identifier: row.identifier,
    status: row.status,
    legalName: row.legalName,
    address: row.address,
    legalCategory: row.legalCategory,
    legalForm: legalCategoryLabel(row.legalCategory),
    nafCode: row.nafCode,
    checkedAt: row.checkedAt,
  };
}

/** Stored answers for these identifiers (pages read these; they never call Sirene). */
export async function storedCompanyChecks(identifiers: string[]): Promise<Map<string, CompanyStatus>> {
  const wanted = [...new Set(identifiers.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select().from(companyChecks).where(inArray(companyChecks.identifier, wanted));
  return new Map(rows.map((row) => [row.identifier, fromRow(row)]));
}

/**
 * The company behind a SIREN or SIRET: a stored answer younger than a day, otherwise Sirene is
 * asked and a definite answer stored. Call it before opening a transaction, never inside one.
 */
export async function checkCompany(identifier: string, options: { now?: Date; timeoutMs?: number } = {}): Promise<CompanyStatus> {
  const now = options.now ?? new Date();
  const stored = (await storedCompanyChecks([identifier])).get(identifier);
  if (stored?.checkedAt && now.getTime() - stored.checkedAt.getTime() < FRESH_FOR_MS) return stored;
  const answer = await askSirene(identifier, options.timeoutMs);
  if (answer.status === "unavailable") return stored ?? notChecked(identifier);
  const values =
    answer.status === "not_found"
      ? { status: "not_found" as const, legalName: null, address: null, legalCategory: null, nafCode: null, raw: null }
      : answer;
  const [row] = await db
    .insert(companyChecks)
    .values({ identifier, ...values, checkedAt: now })
    .onConflictDoUpdate({
      target: companyChecks.identifier,
      set: {
        status: sql`excluded.status`,
        legalName: sql`excluded.legal_name`,
        address: sql`excluded.address`,
        legalCategory: sql`excluded.legal_category`,
        nafCode: sql`excluded.naf_code`,
        raw: sql`excluded.raw`,
        checkedAt: sql`excluded.checked_at`,
      },
    })
    .returning();
  return row ? fromRow(row) : notChecked(identifier);
}

/** Whether a form must refuse this company: INSEE says it is closed or does not know it. */
export function refusedCompany(company: CompanyStatus): "companyClosed" | "companyNotFound" | null {
  if (company.status === "closed") return "companyClosed";
  if (company.status === "not_found") return "companyNotFound";
  return null;
}
