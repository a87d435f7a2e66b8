import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { expertProfiles } from "./experts";
import { jobs } from "./jobs";

export const bidStatus = pgEnum("bid_status", ["submitted", "shortlisted", "declined", "withdrawn", "accepted"]);
export const bidPricing = pgEnum("bid_pricing", ["fixed", "daily"]);

export const bids = pgTable(
  "bids",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    expertUserId: uuid("expert_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => expertProfiles.id, { onDelete: "cascade" }),
    status: bidStatus("status").notNull().default("submitted"),
    pricing: bidPricing("pricing").notNull(),
    /** Always the sum of the milestones; for a daily rate, also rate × days. */
    totalCents: integer("total_cents").notNull(),
    dailyRateCents: integer("daily_rate_cents"),
    days: integer("days"),
    durationDays: integer("duration_days").notNull(),
    startOn: date("start_on").notNull(),
    method: text("method").notNull(),
    /** Commission rate when the bid was sent, in basis points (1000 = 10 %). */
    commissionBps: integer("commission_bps").notNull(),
    declineReason: text("decline_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.profileId),
    index().on(t.jobId),
    // One active bid per expert and job, even under concurrent submissions.
    uniqueIndex("bids_one_active_per_expert")
      .on(t.jobId, t.expertUserId)
      .where(sql`${t.status} in ('submitted', 'shortlisted', 'accepted')`),
    index().on(t.expertUserId, t.createdAt),
    check("bid_total_positive", sql`${t.totalCents} > 0`),
  ],
);

export const bidMilestones = pgTable(
  "bid_milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bidId: uuid("bid_id")
      .notNull()
      .references(() => bids.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    amountCents: integer("amount_cents").notNull(),
    dueOn: date("due_on").notNull(),
  },
  (t) => [index().on(t.bidId), check("milestone_amount_positive", sql`${t.amountCents} > 0`)],
);

export type Bid = typeof bids.$inferSelect;
export type BidStatus = (typeof bidStatus.enumValues)[number];
