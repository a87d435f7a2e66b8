import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { bids } from "./bids";
import { contractMilestones, contracts } from "./contracts";
import { organizations } from "./organizations";
import { payments } from "./payments";

export const retainerSeverities = ["critical", "high", "normal", "low"] as const;
export type RetainerSeverity = (typeof retainerSeverities)[number];

/** Working hours a response clock runs in: ISO weekdays (1 Monday … 7 Sunday), minutes since midnight, Paris time. */
export interface RetainerWorkingHours {
  days: number[];
  startMinute: number;
  endMinute: number;
}

/** Response targets in working hours, one per severity. */
export type RetainerResponseTargets = Record<RetainerSeverity, number>;

/**
 * The service level of a support retainer, as a bid offers it and as the contract then holds it:
 * the monthly fee (excluding VAT), the hours it includes, the price of an hour beyond them, the
 * response targets, what is covered, when, and how long the client is bound.
 */
export interface RetainerTerms {
  monthlyFeeCents: number;
  hoursIncluded: number;
  extraHourCents: number;
  responseHours: RetainerResponseTargets;
  coveredSoftware: string[];
  coveredHosts: string[];
  workingHours: RetainerWorkingHours;
  minimumTermMonths: number;
  noticeDays: number;
}

const termsColumns = () => ({
  monthlyFeeCents: integer("monthly_fee_cents").notNull(),
  hoursIncluded: integer("hours_included").notNull(),
  extraHourCents: integer("extra_hour_cents").notNull(),
  responseHours: jsonb("response_hours").$type<RetainerResponseTargets>().notNull(),
  coveredSoftware: jsonb("covered_software").$type<string[]>().notNull(),
  coveredHosts: jsonb("covered_hosts").$type<string[]>().notNull(),
  workingHours: jsonb("working_hours").$type<RetainerWorkingHours>().notNull(),
  minimumTermMonths: integer("minimum_term_months").notNull(),
  noticeDays: integer("notice_days").notNull(),
});

/**
 * What an expert's bid on a monthly support need ("support_monthly") offers besides the bid
 * itself. Saving them makes the bid's price the first month's fee.
 */
export const bidRetainerTerms = pgTable(
  "bid_retainer_terms",
  {
    bidId: uuid("bid_id")
      .primaryKey()
      .references(() => bids.id, { onDelete: "cascade" }),
    ...termsColumns(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("bid_retainer_fee_positive", sql`${t.monthlyFeeCents} > 0`),
    check("bid_retainer_hours_not_negative", sql`${t.hoursIncluded} >= 0 and ${t.extraHourCents} >= 0`),
    check("bid_retainer_term_positive", sql`${t.minimumTermMonths} >= 1 and ${t.noticeDays} >= 0`),
  ],
);

/**
 * `active`: months are charged; `paused`: the next months are not charged until resumed;
 * `suspended`: a month's charge failed after its retries; `ended`: terminated (no more months).
 */
export const retainerStatus = pgEnum("retainer_status", ["active", "paused", "suspended", "ended"]);

/**
 * The retainer a support contract holds: the terms copied from the accepted bid (the service level
 * written into the contract), the plan change waiting for the next month, the termination, and
 * the payment method the client saved for the monthly off-session charges.
 */
export const retainers = pgTable(
  "retainers",
  {
    contractId: uuid("contract_id")
      .primaryKey()
      .references(() => contracts.id, { onDelete: "cascade" }),
    ...termsColumns(),
    status: retainerStatus("status").notNull().default("active"),
    /** The first day of the first month (a Paris date). */
    startsOn: date("starts_on").notNull(),
    /** A change of plan the client and expert agreed, applied from the month starting on `nextTermsFrom`. */
    nextTerms: jsonb("next_terms").$type<RetainerTerms>(),
    nextTermsFrom: date("next_terms_from"),
    /** Termination: when notice was given, by whom (side), and the last day of service. */
    noticeGivenAt: timestamp("notice_given_at", { withTimezone: true }),
    noticeGivenBy: text("notice_given_by").$type<"client" | "expert">(),
    endsOn: date("ends_on"),
    /** The client's Stripe customer and the payment method saved at the first payment (SEPA mandate or card). */
    stripeCustomerId: text("stripe_customer_id"),
    paymentMethodId: text("payment_method_id"),
    paymentMethodKind: text("payment_method_kind").$type<"sepa_debit" | "card">(),
    /** The SEPA Direct Debit mandate the payment method carries (null for a card). */
    mandateId: text("mandate_id"),
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("retainer_fee_positive", sql`${t.monthlyFeeCents} > 0`), index().on(t.mandateId)],
);

/**
 * One month of a retainer. `scheduled`: opened, not yet charged; `charging`: the off-session
 * charge was asked for (intent recorded, the provider called with the key `retainer-month:<id>`);
 * `held`: charged, the money held by the platform; `failed`: the charge failed (retried until
 * `nextAttemptAt`, then the retainer is suspended); `released`: closed at month end, transferred
 * to the expert and invoiced; `disputed`; `refunded`; `skipped`: not charged (paused).
 */
export const retainerMonthStatus = pgEnum("retainer_month_status", ["scheduled", "charging", "held", "failed", "released", "disputed", "refunded", "skipped"]);

/**
 * `month`: a month of service, carrying its fee (and approved extra hours of an earlier month);
 * `extra_hours`: after the last month, the approved extra hours no month is left to carry, charged
 * alone off-session (its "fee" is their amount), in the period slot after the last month.
 */
export const retainerMonthKind = pgEnum("retainer_month_kind", ["month", "extra_hours"]);

export const retainerMonths = pgTable(
  "retainer_months",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    /** The contract milestone carrying the month's money (funding, release, transfer, invoice). */
    milestoneId: uuid("milestone_id").references(() => contractMilestones.id, { onDelete: "restrict" }),
    paymentId: uuid("payment_id").references(() => payments.id, { onDelete: "set null" }),
    /** First and last day of the period (Paris dates, inclusive). */
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    kind: retainerMonthKind("kind").notNull().default("month"),
    feeCents: integer("fee_cents").notNull(),
    hoursIncluded: integer("hours_included").notNull(),
    extraHourCents: integer("extra_hour_cents").notNull(),
    status: retainerMonthStatus("status").notNull().default("scheduled"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    failureCode: text("failure_code"),
    chargedAt: timestamp("charged_at", { withTimezone: true }),
    releasedAt: timestamp("released_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("retainer_months_one_per_period").on(t.contractId, t.periodStart),
    uniqueIndex("retainer_months_one_per_milestone").on(t.milestoneId),
    index().on(t.paymentId),
    index().on(t.status),
    check("retainer_month_fee_positive", sql`${t.feeCents} > 0`),
    check("retainer_month_period", sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/**
 * A client member's request to save a payment method for a retainer, through a Checkout session
 * in setup mode: recorded (`creating`) before the provider is called with the key
 * `retainer-setup:<id>`, `open` once the session exists, then `complete` (the method saved on
 * the retainer), `failed` (the bank or card refused it), `expired`, or `ignored` (the retainer
 * had ended when the session completed).
 */
export const retainerSetupStatus = pgEnum("retainer_setup_status", ["creating", "open", "complete", "failed", "expired", "ignored"]);

export const retainerPaymentSetups = pgTable(
  "retainer_payment_setups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    /** The client organisation: its Stripe customer is found again through its setups. */
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").$type<"sepa_debit" | "card">().notNull(),
    status: retainerSetupStatus("status").notNull().default("creating"),
    stripeCustomerId: text("stripe_customer_id"),
    checkoutSessionId: text("checkout_session_id").unique(),
    setupIntentId: text("setup_intent_id"),
    paymentMethodId: text("payment_method_id"),
    failureCode: text("failure_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.contractId), index().on(t.organizationId), index().on(t.setupIntentId), index().on(t.requestedBy)],
);

export type BidRetainerTerms = typeof bidRetainerTerms.$inferSelect;
export type Retainer = typeof retainers.$inferSelect;
export type RetainerMonth = typeof retainerMonths.$inferSelect;
export type RetainerStatus = (typeof retainerStatus.enumValues)[number];
export type RetainerPaymentSetup = typeof retainerPaymentSetups.$inferSelect;
export type RetainerMonthStatus = (typeof retainerMonthStatus.enumValues)[number];
