import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { contracts } from "./contracts";

/** `proposed`: waiting for the other side; `accepted`: applies from `effectiveFrom`; `declined`. */
export const retainerPlanChangeStatus = pgEnum("retainer_plan_change_status", ["proposed", "accepted", "declined"]);

/**
 * A change of a retainer's plan (monthly fee, hours included, extra hour price) one side proposes
 * and the other accepts or declines. Accepted ones are the plan's history: each applies from the
 * first month not yet opened when it was accepted (`effectiveFrom`). One proposal waits at a time.
 */
export const retainerPlanChanges = pgTable(
  "retainer_plan_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    proposedBySide: text("proposed_by_side").$type<"client" | "expert">().notNull(),
    proposedById: uuid("proposed_by_id").references(() => users.id, { onDelete: "set null" }),
    monthlyFeeCents: integer("monthly_fee_cents").notNull(),
    hoursIncluded: integer("hours_included").notNull(),
    extraHourCents: integer("extra_hour_cents").notNull(),
    status: retainerPlanChangeStatus("status").notNull().default("proposed"),
    /** The first day of the first month the accepted plan applies to. */
    effectiveFrom: date("effective_from"),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("retainer_plan_changes_one_proposed").on(t.contractId).where(sql`${t.status} = 'proposed'`),
    index().on(t.contractId, t.createdAt),
    index().on(t.proposedById),
    index().on(t.decidedById),
    check("retainer_plan_change_amounts", sql`${t.monthlyFeeCents} > 0 and ${t.hoursIncluded} >= 0 and ${t.extraHourCents} >= 0`),
    check("retainer_plan_change_side", sql`${t.proposedBySide} in ('client', 'expert')`),
    check("retainer_plan_change_effective", sql`(${t.status} = 'accepted') = (${t.effectiveFrom} is not null)`),
  ],
);

export type RetainerPlanChange = typeof retainerPlanChanges.$inferSelect;
