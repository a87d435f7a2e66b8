import { date, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * What the DAC7 (DPI) declaration needs about an expert beyond the profile and the billing
 * mandate: for an individual (micro-entrepreneur, EI), first and last name and date of birth;
 * for anyone, the IBAN of the account paid (optional: the payout account reference stands in).
 */
export const expertTaxDetails = pgTable("expert_tax_details", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  firstName: text("first_name"),
  lastName: text("last_name"),
  birthDate: date("birth_date"),
  birthCity: text("birth_city"),
  iban: text("iban"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type ExpertTaxDetails = typeof expertTaxDetails.$inferSelect;
