import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, unique } from "drizzle-orm/pg-core";
import { catalogCategory } from "./catalog";
import { jobKind } from "./jobs";

/**
 * The admin insights' liquidity, rolled up: per Paris month of publication × kind × set of
 * software families, the needs published and what became of them. Kept by a statement trigger on
 * `jobs` (migration *_custom_job_liquidity_months), which adds each statement's changes to the
 * rows they touch; never written by the app. A row whose needs are all gone is deleted, so every
 * row counts at least one need. Needs never published are not counted.
 */
export const jobLiquidityMonths = pgTable(
  "job_liquidity_months",
  {
    /** The first day of the Paris month the needs were published in. */
    month: date("month").notNull(),
    kind: jobKind("kind"),
    softwareFamilies: catalogCategory("software_families").array().notNull(),
    published: integer("published").notNull().default(0),
    /** Needs whose first bid came within 48 hours of their publication. */
    firstBidWithin48h: integer("first_bid_within_48h").notNull().default(0),
    /** Needs with a first bid (how many delays the median to a first bid is taken over). */
    withFirstBid: integer("with_first_bid").notNull().default(0),
    bids: integer("bids").notNull().default(0),
    contracts: integer("contracts").notNull().default(0),
  },
  (t) => [
    unique("job_liquidity_months_key").on(t.month, t.kind, t.softwareFamilies).nullsNotDistinct(),
    // The trigger deletes the rows left empty after each statement: found at once.
    index("job_liquidity_months_empty").on(t.month).where(sql`${t.published} = 0`),
  ],
);
