import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { contractMilestones, contracts, milestoneStatus } from "./contracts";

/** An expert's Stripe Connect Express account (or its test-mode stand-in). */
export const payoutAccounts = pgTable("payout_accounts", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  stripeAccountId: text("stripe_account_id").notNull().unique(),
  payoutsEnabled: boolean("payouts_enabled").notNull().default(false),
  detailsSubmitted: boolean("details_submitted").notNull().default(false),
  /** Stripe's `requirements.currently_due`, so the expert is told what is missing. */
  requirementsDue: text("requirements_due").array().notNull().default(sql`'{}'`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const paymentStatus = pgEnum("payment_status", ["creating", "open", "processing", "succeeded", "failed", "expired"]);

/**
 * What we send to create the Checkout session, kept with the intent so that a retry (the client's
 * next click, or the repair) sends exactly the same request under the same idempotency key.
 */
export interface CheckoutRequest {
  amountCents: number;
  description: string;
  customerEmail: string;
  locale: "fr" | "en";
  successUrl: string;
  cancelUrl: string;
  /** Unix seconds: fixed when the intent is recorded, so every retry asks for the same expiry. */
  expiresAt: number;
}

/**
 * One Checkout session funding one milestone; the platform is the merchant. `creating`: the
 * intent is recorded (with its request), the session is being (or was maybe) created at the
 * provider under the key `checkout:<id>`; `open` once its id and URL are recorded.
 */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    milestoneId: uuid("milestone_id")
      .notNull()
      .references(() => contractMilestones.id, { onDelete: "restrict" }),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "restrict" }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    amountCents: integer("amount_cents").notNull(),
    status: paymentStatus("status").notNull().default("open"),
    checkoutSessionId: text("checkout_session_id").unique(),
    checkoutUrl: text("checkout_url"),
    checkoutRequest: jsonb("checkout_request").$type<CheckoutRequest>(),
    paymentIntentId: text("payment_intent_id"),
    chargeId: text("charge_id"),
    paymentMethod: text("payment_method"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.milestoneId),
    index().on(t.createdById),
    index().on(t.contractId),
    // At most one live payment (creating, open, processing or succeeded) per milestone: two
    // "fund" clicks make one Checkout session. Written as "not failed or expired" so that the
    // migration adding `creating` does not use the new value in the same transaction.
    uniqueIndex("payments_one_live_per_milestone").on(t.milestoneId).where(sql`${t.status} not in ('failed', 'expired')`),
    index().on(t.paymentIntentId),
    index().on(t.chargeId),
    check("payment_amount_positive", sql`${t.amountCents} > 0`),
  ],
);

export const transferStatus = pgEnum("transfer_status", ["pending", "awaiting_payouts", "sent", "failed"]);

/** The expert's share of a released milestone (amount minus commission), sent to its connected account. */
export const transfers = pgTable(
  "transfers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    milestoneId: uuid("milestone_id")
      .notNull()
      .references(() => contractMilestones.id, { onDelete: "restrict" }),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "restrict" }),
    expertUserId: uuid("expert_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** The part of the milestone's paid amount released, VAT included (all of it, or less after a split). */
    grossCents: integer("gross_cents").notNull(),
    /** The same part excluding VAT: the commission is computed on it. */
    grossExVatCents: integer("gross_ex_vat_cents").notNull(),
    commissionCents: integer("commission_cents").notNull(),
    amountCents: integer("amount_cents").notNull(),
    status: transferStatus("status").notNull().default("pending"),
    stripeTransferId: text("stripe_transfer_id").unique(),
    failureReason: text("failure_reason"),
    /** When the provider was first asked to make it (key `transfer:<id>`); set and committed before the call. */
    requestedAt: timestamp("requested_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /**
     * Set while an admin withholds the payout (DSA art. 17, with a statement of reasons): the
     * worker sends nothing until it is released. Only before the provider was first asked.
     */
    withheldAt: timestamp("withheld_at", { withTimezone: true }),
    withheldById: uuid("withheld_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.contractId),
    index().on(t.withheldById),
    uniqueIndex("transfers_one_per_milestone").on(t.milestoneId),
    index().on(t.expertUserId),
    check("transfer_amounts", sql`${t.amountCents} >= 0 and ${t.commissionCents} >= 0 and ${t.amountCents} + ${t.commissionCents} = ${t.grossCents}`),
  ],
);

export const refundStatus = pgEnum("refund_status", ["pending", "succeeded", "failed"]);

export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id, { onDelete: "restrict" }),
    milestoneId: uuid("milestone_id")
      .notNull()
      .references(() => contractMilestones.id, { onDelete: "restrict" }),
    amountCents: integer("amount_cents").notNull(),
    status: refundStatus("status").notNull().default("pending"),
    stripeRefundId: text("stripe_refund_id").unique(),
    /** When the provider was first asked to make it (key `refund:<id>`); set and committed before the call. */
    requestedAt: timestamp("requested_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.paymentId), uniqueIndex("refunds_one_per_milestone").on(t.milestoneId), check("refund_amount_positive", sql`${t.amountCents} > 0`)],
);

export const disputeStatus = pgEnum("dispute_status", ["open", "settled"]);
export const disputeReason = pgEnum("dispute_reason", ["not_delivered", "not_as_agreed", "quality", "other", "chargeback"]);
export const disputeOutcome = pgEnum("dispute_outcome", ["release", "refund", "split"]);

/** A frozen milestone: opened by the client or by a card chargeback, settled by an admin. */
export const disputes = pgTable(
  "disputes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    milestoneId: uuid("milestone_id")
      .notNull()
      .references(() => contractMilestones.id, { onDelete: "restrict" }),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "restrict" }),
    openedById: uuid("opened_by_id").references(() => users.id, { onDelete: "set null" }),
    reason: disputeReason("reason").notNull(),
    text: text("text").notNull().default(""),
    /** The milestone's status when the dispute opened (funded or delivered). */
    frozenFrom: milestoneStatus("frozen_from").notNull(),
    stripeDisputeId: text("stripe_dispute_id").unique(),
    status: disputeStatus("status").notNull().default("open"),
    outcome: disputeOutcome("outcome"),
    refundCents: integer("refund_cents"),
    releaseCents: integer("release_cents"),
    resolutionNote: text("resolution_note"),
    settledById: uuid("settled_by_id").references(() => users.id, { onDelete: "set null" }),
    settledAt: timestamp("settled_at", { withTimezone: true }),
    /** Until then the expert may answer and an admin may not settle (unless both sides say they are ready). */
    responseDueAt: timestamp("response_due_at", { withTimezone: true }),
    /** When each side said "we have nothing to add, decide now" (cleared when the other side writes again). */
    clientReadyAt: timestamp("client_ready_at", { withTimezone: true }),
    expertReadyAt: timestamp("expert_ready_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.contractId),
    index().on(t.milestoneId),
    index().on(t.openedById),
    index().on(t.settledById),
    uniqueIndex("disputes_one_open_per_milestone").on(t.milestoneId).where(sql`${t.status} = 'open'`),
    index().on(t.status, t.createdAt),
  ],
);

/** Every Stripe event (or test-mode event) we accepted, once: its id is the idempotency key of its effect. */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    livemode: boolean("livemode").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    /** What the handler did ("funded", "ignored: already funded"…), for support. */
    outcome: text("outcome"),
  },
  (t) => [index().on(t.processedAt)],
);

/**
 * `commission_revenue` is the commission's basis (excluding VAT) and `commission_vat_collected`
 * its VAT (the platform's own VAT to declare); `expert_vat_collected` is the VAT clients paid to
 * VAT-registered experts, held for them until the transfer (the experts declare it).
 */
export const ledgerAccount = pgEnum("ledger_account", [
  "platform_cash",
  "client_funds_held",
  "expert_payable",
  "commission_revenue",
  "commission_vat_collected",
  "expert_vat_collected",
]);
export const ledgerKind = pgEnum("ledger_kind", ["funding", "release", "transfer", "refund"]);

/**
 * Double-entry ledger in integer cents: debits positive, credits negative. The lines of one
 * movement share `entryId` and add up to zero (checked at commit by a constraint trigger).
 */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id").notNull(),
    kind: ledgerKind("kind").notNull(),
    account: ledgerAccount("account").notNull(),
    amountCents: integer("amount_cents").notNull(),
    contractId: uuid("contract_id").references(() => contracts.id, { onDelete: "restrict" }),
    milestoneId: uuid("milestone_id").references(() => contractMilestones.id, { onDelete: "restrict" }),
    /** The object moved: a payment, transfer or refund id of ours. */
    sourceId: uuid("source_id").notNull(),
    /** The Stripe object behind it (payment intent, transfer, refund), for reconciliation. */
    stripeObjectId: text("stripe_object_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.milestoneId),
    index().on(t.contractId),
    index().on(t.entryId),
    index().on(t.createdAt),
    // A movement is written once: the same source cannot post the same kind twice.
    uniqueIndex("ledger_one_posting_per_source").on(t.sourceId, t.kind, t.account),
  ],
);

export type PayoutAccount = typeof payoutAccounts.$inferSelect;
export type Payment = typeof payments.$inferSelect;
export type Transfer = typeof transfers.$inferSelect;
export type Refund = typeof refunds.$inferSelect;
export type Dispute = typeof disputes.$inferSelect;
export type StripeEventRow = typeof stripeEvents.$inferSelect;
export type LedgerAccount = (typeof ledgerAccount.enumValues)[number];
export type LedgerKind = (typeof ledgerKind.enumValues)[number];

/**
 * Test mode only (no Stripe keys): the local stand-ins for Stripe objects (accounts, Checkout
 * sessions, payment intents, transfers, refunds), so the same flows run without real money.
 */
export const testModeObjects = pgTable(
  "test_mode_objects",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** Same key, same object (like Stripe's Idempotency-Key). */
    idempotencyKey: text("idempotency_key").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.type)],
);
