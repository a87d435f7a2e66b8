import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { contracts } from "./contracts";
import { retainerMonths, type RetainerSeverity } from "./retainers";

/** `open`: waiting for work (answered or not); `resolved`: the expert closed it (the client may reopen it). */
export const retainerTicketStatus = pgEnum("retainer_ticket_status", ["open", "resolved"]);

/**
 * A support request a member of the client organisation opens on a retainer contract. The
 * first-response deadline is computed at opening from the severity's target, in the retainer's
 * working hours; the expert's first message stops the clock. `breachedAt` is set (by the
 * `retainer_ticket_breaches` task, or when a late first answer comes) once the deadline passed
 * without an answer.
 */
export const retainerTickets = pgTable(
  "retainer_tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    openedById: uuid("opened_by_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    severity: text("severity").$type<RetainerSeverity>().notNull(),
    software: text("software").notNull(),
    description: text("description").notNull(),
    status: retainerTicketStatus("status").notNull().default("open"),
    /** The severity's target when the ticket was opened, in working hours. */
    targetHours: integer("target_hours").notNull(),
    responseDueAt: timestamp("response_due_at", { withTimezone: true }).notNull(),
    firstResponseAt: timestamp("first_response_at", { withTimezone: true }),
    breachedAt: timestamp("breached_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    reopenedAt: timestamp("reopened_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.contractId, t.createdAt),
    index().on(t.openedById),
    index("retainer_tickets_waiting").on(t.responseDueAt).where(sql`${t.firstResponseAt} is null and ${t.breachedAt} is null`),
    check("retainer_ticket_severity", sql`${t.severity} in ('critical', 'high', 'normal', 'low')`),
    check("retainer_ticket_target_positive", sql`${t.targetHours} > 0`),
  ],
);

/** A message of a ticket's thread, by a client member or the expert. */
export const retainerTicketMessages = pgTable(
  "retainer_ticket_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => retainerTickets.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    side: text("side").$type<"client" | "expert">().notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.ticketId, t.createdAt), index().on(t.authorId), check("retainer_ticket_message_side", sql`${t.side} in ('client', 'expert')`)],
);

/** Time the expert spent on a ticket, counted against the month's included hours. */
export const retainerTicketTime = pgTable(
  "retainer_ticket_time",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => retainerTickets.id, { onDelete: "cascade" }),
    expertUserId: uuid("expert_user_id").references(() => users.id, { onDelete: "set null" }),
    minutes: integer("minutes").notNull(),
    note: text("note").notNull(),
    /** The Paris day the work was done: it counts in the month holding that day. */
    workedOn: date("worked_on").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.ticketId), index().on(t.expertUserId), check("retainer_ticket_time_minutes", sql`${t.minutes} > 0 and ${t.minutes} <= 1440`)],
);

/**
 * Hours beyond the included ones in a retainer month: the expert submits them at month end, the
 * client approves them (or they are approved automatically at `autoApproveAt`, 7 days later), and
 * the approved amount (minutes × hourly price) is charged with the next month.
 */
export const retainerExtraHoursStatus = pgEnum("retainer_extra_hours_status", ["submitted", "approved", "rejected"]);

export const retainerExtraHours = pgTable(
  "retainer_extra_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    retainerMonthId: uuid("retainer_month_id")
      .notNull()
      .references(() => retainerMonths.id, { onDelete: "cascade" }),
    periodStart: date("period_start").notNull(),
    minutes: integer("minutes").notNull(),
    extraHourCents: integer("extra_hour_cents").notNull(),
    amountCents: integer("amount_cents").notNull(),
    note: text("note").notNull().default(""),
    status: retainerExtraHoursStatus("status").notNull().default("submitted"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    autoApproveAt: timestamp("auto_approve_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    /** Why the client refused them (status `rejected`): shown to the expert, who may dispute the month. */
    refusalReason: text("refusal_reason"),
    /**
     * The month whose charge carries them once approved (its milestone grew by `amountCents`),
     * set in the transaction that grew it: billed once, never again.
     */
    chargedWithMonthId: uuid("charged_with_month_id").references(() => retainerMonths.id, { onDelete: "restrict" }),
  },
  (t) => [
    uniqueIndex("retainer_extra_hours_one_per_month").on(t.retainerMonthId),
    index().on(t.chargedWithMonthId),
    index("retainer_extra_hours_to_bill").on(t.contractId).where(sql`${t.status} = 'approved' and ${t.chargedWithMonthId} is null`),
    check("retainer_extra_hours_refusal_reason", sql`(${t.status} = 'rejected') = (${t.refusalReason} is not null)`),
    check("retainer_extra_hours_billed_approved", sql`${t.chargedWithMonthId} is null or ${t.status} = 'approved'`),
    index().on(t.contractId, t.periodStart),
    index().on(t.decidedById),
    index("retainer_extra_hours_due").on(t.autoApproveAt).where(sql`${t.status} = 'submitted'`),
    check("retainer_extra_hours_positive", sql`${t.minutes} > 0 and ${t.amountCents} >= 0`),
  ],
);

export type RetainerTicket = typeof retainerTickets.$inferSelect;
export type RetainerTicketMessage = typeof retainerTicketMessages.$inferSelect;
export type RetainerTicketTime = typeof retainerTicketTime.$inferSelect;
export type RetainerExtraHours = typeof retainerExtraHours.$inferSelect;
