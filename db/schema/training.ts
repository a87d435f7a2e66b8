import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { bids } from "./bids";
import { contractMilestones, contracts } from "./contracts";

export const trainingFormat = pgEnum("training_format", ["on_site", "remote", "mixed"]);
export const trainingPriceBasis = pgEnum("training_price_basis", ["per_session", "per_person"]);
/** Which half-days a session takes: the attendance sheet has one signature column per half-day. */
export const trainingSlots = ["full_day", "morning", "afternoon"] as const;
export type TrainingSlot = (typeof trainingSlots)[number];

export interface TrainingSessionPlan {
  date: string;
  slot: TrainingSlot;
}

/**
 * What an expert's bid on a training need offers, besides the bid itself: the program, the
 * format and the sessions. Saving them rewrites the bid's milestones, one per session.
 */
export const bidTrainingTerms = pgTable(
  "bid_training_terms",
  {
    bidId: uuid("bid_id")
      .primaryKey()
      .references(() => bids.id, { onDelete: "cascade" }),
    objectives: text("objectives").notNull(),
    prerequisites: text("prerequisites").notNull(),
    outline: text("outline").notNull(),
    durationHours: integer("duration_hours").notNull(),
    format: trainingFormat("format").notNull(),
    attendeesCount: integer("attendees_count").notNull(),
    sessions: jsonb("sessions").$type<TrainingSessionPlan[]>().notNull(),
    priceBasis: trainingPriceBasis("price_basis").notNull(),
    unitPriceCents: integer("unit_price_cents").notNull(),
    qualiopiCertified: boolean("qualiopi_certified").notNull(),
    /** "Numéro de déclaration d'activité" of the training organisation (11 digits). */
    activityDeclarationNumber: text("activity_declaration_number").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("bid_training_hours_positive", sql`${t.durationHours} > 0`),
    check("bid_training_attendees_positive", sql`${t.attendeesCount} > 0`),
    check("bid_training_price_positive", sql`${t.unitPriceCents} > 0`),
  ],
);

/** A session of a training contract, paid through the contract milestone of the same position. */
export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    milestoneId: uuid("milestone_id")
      .notNull()
      .references(() => contractMilestones.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    date: date("date").notNull(),
    slot: text("slot").$type<TrainingSlot>().notNull(),
  },
  (t) => [uniqueIndex().on(t.contractId, t.position), index().on(t.milestoneId)],
);

/** A person the client sends to the training: named on the attendance sheets and certificates. */
export const trainingAttendees = pgTable(
  "training_attendees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    fullName: text("full_name").notNull(),
    email: text("email").notNull(),
    addedById: uuid("added_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("training_attendees_one_email").on(t.contractId, sql`lower(${t.email})`), index().on(t.addedById)],
);

export type BidTrainingTerms = typeof bidTrainingTerms.$inferSelect;
export type TrainingSession = typeof trainingSessions.$inferSelect;
export type TrainingAttendee = typeof trainingAttendees.$inferSelect;
export type TrainingFormat = (typeof trainingFormat.enumValues)[number];
export type TrainingPriceBasis = (typeof trainingPriceBasis.enumValues)[number];
