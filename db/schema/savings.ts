import { date, index, integer, pgEnum, pgTable, text, timestamp, uuid, check } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";

/**
 * The savings estimate's price data ("Combien vais-je économiser ?"): what the paid services an
 * SME uses today cost, and what their free-software replacement costs (hosting, installation,
 * support). Every price says where it was read and when; admins keep them current. Amounts are
 * integer cents excluding VAT, per month.
 */
export const paidServiceCategory = pgEnum("paid_service_category", [
  "office_suite",
  "file_sharing",
  "chat",
  "video",
  "crm",
  "erp_accounting",
  "vpn",
  "password_manager",
]);

export const paidServices = pgTable(
  "paid_services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    category: paidServiceCategory("category").notNull(),
    /** Price per user and month, excluding VAT, on a yearly commitment. */
    monthlyCentsPerUser: integer("monthly_cents_per_user").notNull(),
    /** Catalogue slugs of the free software that replaces it. */
    replacementSlugs: text("replacement_slugs").array().notNull(),
    source: text("source").notNull(),
    pricedOn: date("priced_on").notNull(),
    updatedById: uuid("updated_by_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.updatedById), check("paid_service_price_positive", sql`${t.monthlyCentsPerUser} > 0`)],
);

/** The replacement's side: hosting by size, installation and support estimates. */
export const savingsAssumptionKeys = [
  "hosting_small_monthly",
  "hosting_medium_monthly",
  "hosting_large_monthly",
  "installation_base",
  "installation_per_software",
  "support_base_monthly",
  "support_per_software_monthly",
] as const;
export type SavingsAssumptionKey = (typeof savingsAssumptionKeys)[number];

export const savingsAssumptions = pgTable(
  "savings_assumptions",
  {
    key: text("key", { enum: savingsAssumptionKeys }).primaryKey(),
    cents: integer("cents").notNull(),
    source: text("source").notNull(),
    pricedOn: date("priced_on").notNull(),
    updatedById: uuid("updated_by_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.updatedById), check("savings_assumption_not_negative", sql`${t.cents} >= 0`)],
);

export type PaidService = typeof paidServices.$inferSelect;
export type PaidServiceCategory = (typeof paidServiceCategory.enumValues)[number];
export type SavingsAssumption = typeof savingsAssumptions.$inferSelect;

/**
 * The micro-entrepreneur turnover ceiling for services (BIC services and BNC, art. 50-0 and
 * 102 ter CGI) from a year on, shown to experts against their year's turnover; admins keep it
 * current when the thresholds are revalued (every three years).
 */
export const turnoverCeilings = pgTable(
  "turnover_ceilings",
  {
    fromYear: integer("from_year").primaryKey(),
    servicesCents: integer("services_cents").notNull(),
    source: text("source").notNull(),
    updatedById: uuid("updated_by_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.updatedById), check("turnover_ceiling_positive", sql`${t.servicesCents} > 0`)],
);

export type TurnoverCeiling = typeof turnoverCeilings.$inferSelect;
