import "server-only";
import { db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { parisDay } from "@/lib/dates";
import { env } from "@/lib/env";
import { fail, ok, type Result } from "@/lib/result";
import { isReportableYear, parisYear } from "./activity";
import { isBlocking } from "./missing-data";
import { reportableSellers, type ReportableSeller } from "./sellers";
import { declarationXml, type PlatformOperator } from "./xml";

/** The platform operator as the declaration names it (the PLATFORM_* configuration). */
export function platformOperator(): PlatformOperator {
  const e = env();
  return {
    legalName: e.PLATFORM_LEGAL_NAME,
    businessName: "Compagnon",
    siren: e.PLATFORM_SIREN,
    vatNumber: e.PLATFORM_VAT_NUMBER,
    addressLine1: e.PLATFORM_ADDRESS_LINE1,
    postalCode: e.PLATFORM_POSTAL_CODE,
    city: e.PLATFORM_CITY,
  };
}

/** A year an admin may review: from 2020 to the current one (to chase missing data before January). */
export function isReviewableYear(year: number, now = new Date()): boolean {
  return Number.isInteger(year) && year >= 2020 && year <= parisYear(now);
}

/** The admin's review of a year: every reportable seller with what is missing. */
export async function reviewDeclaration(actor: Actor | null, year: number, now = new Date()): Promise<{ year: number; sellers: ReportableSeller[]; blocked: number } | null> {
  requireRole(actor, "admin");
  if (!isReviewableYear(year, now)) return null;
  const sellers = await reportableSellers(db, year);
  return { year, sellers, blocked: sellers.filter((s) => s.missing.some(isBlocking)).length };
}

/**
 * The XML declaration of a finished year, for admins. Refused while a seller misses data the
 * schema requires (names, date of birth, address: `incomplete`, with their names), or for a
 * year that is not over, before 2023 (DAC7's first year) or had no seller (`empty`). The
 * export is recorded in the audit log.
 */
export async function exportDeclaration(
  actor: Actor | null,
  year: number,
  now = new Date(),
): Promise<Result<{ xml: string; sellers: number }, "not_over" | "before_dac7" | "empty" | "incomplete">> {
  const admin = requireRole(actor, "admin");
  if (!isReportableYear(year, now)) return fail("not_over");
  // DAC7 applies from the 2023 reporting period (the schema refuses earlier years).
  if (year < 2023) return fail("before_dac7");
  const sellers = await reportableSellers(db, year);
  if (sellers.length === 0) return fail("empty");
  const blocked = sellers.filter((s) => s.missing.some(isBlocking));
  if (blocked.length > 0) return fail("incomplete", Object.fromEntries(blocked.map((s) => [s.userId, s.legalName])));
  const xml = declarationXml({ year, operator: platformOperator(), sellers, now });
  await recordAudit(db, { actor: admin, action: "dac7.exported", subjectType: "dac7", subjectId: String(year), data: { sellers: sellers.length } });
  return ok({ xml, sellers: sellers.length });
}

/** The expert's own copy of what is declared for them for a year (null: nothing to declare). */
export async function mySellerCopy(actor: Actor | null, year: number, now = new Date()): Promise<ReportableSeller | null> {
  const expert = requireRole(actor, "expert");
  if (!isReviewableYear(year, now)) return null;
  const [seller] = await reportableSellers(db, year, expert.id);
  return seller ?? null;
}

/**
 * The dashboard's reminder: from November to January, an expert paid in the year to declare
 * (the current one; in January the previous one) who still misses data the declaration requires.
 */
export async function myDeclarationReminder(actor: Actor | null, now = new Date()): Promise<{ year: number } | null> {
  const expert = requireRole(actor, "expert");
  const month = Number(parisDay(now).slice(5, 7));
  if (month !== 11 && month !== 12 && month !== 1) return null;
  const year = month === 1 ? parisYear(now) - 1 : parisYear(now);
  const [seller] = await reportableSellers(db, year, expert.id);
  return seller && seller.missing.some(isBlocking) ? { year } : null;
}
