import { jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const companyCheckStatus = pgEnum("company_check_status", ["active", "closed", "not_found"]);

/**
 * The last answer of the INSEE Sirene directory for a SIREN or SIRET, so pages never call
 * the API. Only definite answers are stored: an unreachable API leaves the company unchecked.
 */
export const companyChecks = pgTable("company_checks", {
  /** The 9-digit SIREN or the 14-digit SIRET that was looked up. */
  identifier: text("identifier").primaryKey(),
  status: companyCheckStatus("status").notNull(),
  legalName: text("legal_name"),
  /** One line: "12 RUE DES LILAS 69003 LYON"; null for a SIREN lookup (the legal unit has no address). */
  address: text("address"),
  /** INSEE's catégorie juridique (4 digits, e.g. 5710 for a SAS). */
  legalCategory: text("legal_category"),
  /** NAF / APE code, e.g. 62.02A. */
  nafCode: text("naf_code"),
  /** The raw answer's relevant part, kept for the vetting desk and audits. */
  raw: jsonb("raw").$type<Record<string, unknown>>(),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
});

export type CompanyCheck = typeof companyChecks.$inferSelect;
export type CompanyCheckStatus = (typeof companyCheckStatus.enumValues)[number];
