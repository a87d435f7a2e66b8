import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { bids } from "./bids";
import { expertProfiles } from "./experts";
import { jobs } from "./jobs";
import { offers } from "./offers";
import { organizations } from "./organizations";
import type { VatTreatment } from "./invoice-document";
import type { RetainerTerms } from "./retainers";

export const contractStatus = pgEnum("contract_status", ["awaiting_documents", "active", "completed", "cancelled"]);
export const milestoneStatus = pgEnum("milestone_status", ["pending", "funded", "delivered", "released", "disputed", "refunded", "split"]);
export const contractDocumentKind = pgEnum("contract_document_kind", ["nda", "dpa", "training_agreement"]);
export const contractSide = pgEnum("contract_side", ["client", "expert"]);

/**
 * The facts both documents are generated from, frozen when the contract is formed so that
 * what each side accepted can be shown again word for word.
 */
export interface ContractFacts {
  client: { legalName: string; siren: string; siret: string | null; vatNumber: string | null; address: string; representative: string };
  expert: { name: string; legalForm: string | null; siret: string | null; vatNumber: string | null };
  job: {
    title: string;
    description: string;
    kind: string | null;
    software: string[];
    remote: boolean | null;
    departement: string | null;
    dataSubjects: string[];
    dataCategories: string[];
  };
  method: string;
  startOn: string;
  endOn: string;
  durationDays: number;
  totalCents: number;
  milestones: { title: string; amountCents: number; dueOn: string }[];
  personalData: boolean;
  formedAt: string;
  /** A training contract's terms, frozen at formation for the training agreement. */
  training?: TrainingFacts;
  /** A support retainer's service level, frozen at formation for the contract document. */
  retainer?: RetainerTerms;
  /** A contract ordered from a ready-made offer: the offer, the extras chosen and the client's answers. */
  offer?: OfferFacts;
  /**
   * How VAT applies to the contract's invoices, fixed at formation with `vatRateBps` (the expert's
   * regime and where the client is established then); absent on contracts formed before it was
   * kept: standard when the rate is above 0, franchise otherwise.
   */
  vatTreatment?: VatTreatment;
}

/** What the client ordered from an offer, frozen at formation and shown to both sides. */
export interface OfferFacts {
  offerId: string;
  title: string;
  extras: { title: string; priceCents: number }[];
  answers: { question: string; answer: string }[];
}

/** What the training agreement ("convention de formation professionnelle") states. */
export interface TrainingFacts {
  objectives: string;
  prerequisites: string;
  outline: string;
  durationHours: number;
  format: "on_site" | "remote" | "mixed";
  attendeesCount: number;
  sessions: { date: string; slot: "full_day" | "morning" | "afternoon" }[];
  priceBasis: "per_session" | "per_person";
  unitPriceCents: number;
  activityDeclarationNumber: string;
  /** Present when the expert declared a Qualiopi certification backed by evidence. */
  qualiopi: { certificateNumber: string; expiresOn: string } | null;
  /** The VAT rate the agreement states (basis points), fixed at formation; absent on contracts formed before it was kept here. */
  vatRateBps?: number;
}

export const contracts = pgTable(
  "contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "restrict" }),
    bidId: uuid("bid_id")
      .notNull()
      .references(() => bids.id, { onDelete: "restrict" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    expertUserId: uuid("expert_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => expertProfiles.id, { onDelete: "restrict" }),
    /** The ready-made offer the client ordered (null: a bid on a posted need). */
    offerId: uuid("offer_id").references(() => offers.id, { onDelete: "set null" }),
    status: contractStatus("status").notNull().default("awaiting_documents"),
    totalCents: integer("total_cents").notNull(),
    commissionBps: integer("commission_bps").notNull(),
    /**
     * VAT the client pays on top of the amounts (which are excluding VAT): 2000 (20 %) when the
     * expert is VAT-registered, 0 under the franchise (art. 293 B du CGI). Fixed at formation.
     */
    vatRateBps: integer("vat_rate_bps").notNull().default(0),
    /** Whether the expert may reach personal data: a GDPR art. 28 agreement is then required. */
    personalData: boolean("personal_data").notNull(),
    facts: jsonb("facts").$type<ContractFacts>().notNull(),
    acceptedById: uuid("accepted_by_id").references(() => users.id, { onDelete: "set null" }),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.profileId),
    index().on(t.acceptedById),
    index().on(t.offerId),
    // One contract per job: two concurrent acceptances cannot both succeed.
    uniqueIndex("contracts_one_per_job").on(t.jobId),
    uniqueIndex("contracts_one_per_bid").on(t.bidId),
    index().on(t.organizationId),
    index().on(t.expertUserId),
  ],
);

export const contractMilestones = pgTable(
  "contract_milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    amountCents: integer("amount_cents").notNull(),
    dueOn: date("due_on").notNull(),
    status: milestoneStatus("status").notNull().default("pending"),
    deliveryNote: text("delivery_note"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    /** When a delivered milestone is approved on its own if the client neither approves nor disputes. */
    autoApproveAt: timestamp("auto_approve_at", { withTimezone: true }),
    /** Reminders sent before the automatic approval (days before), so each goes once. */
    remindersSent: integer("reminders_sent").array().notNull().default(sql`'{}'`),
    releasedAt: timestamp("released_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.contractId, t.position),
    check("contract_milestone_amount_positive", sql`${t.amountCents} > 0`),
  ],
);

/** One side's acceptance of one of the contract's documents, with the exact text's hash. */
export const contractDocumentAcceptances = pgTable(
  "contract_document_acceptances",
  {
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    kind: contractDocumentKind("kind").notNull(),
    side: contractSide("side").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    version: text("version").notNull(),
    contentSha256: text("content_sha256").notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId), primaryKey({ columns: [t.contractId, t.kind, t.side] })],
);

/** A review left by one side of a contract about the other (rating 1 to 5). */
export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    side: contractSide("side").notNull(),
    /** The user reviewed: the expert when the client writes, and the reverse. */
    subjectUserId: uuid("subject_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rating: integer("rating").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.authorId),
    uniqueIndex().on(t.contractId, t.side),
    index().on(t.subjectUserId),
    check("review_rating_range", sql`${t.rating} between 1 and 5`),
  ],
);

export type Contract = typeof contracts.$inferSelect;
export type ContractStatus = (typeof contractStatus.enumValues)[number];
export type ContractMilestone = typeof contractMilestones.$inferSelect;
export type MilestoneStatus = (typeof milestoneStatus.enumValues)[number];
export type ContractDocumentKind = (typeof contractDocumentKind.enumValues)[number];
export type ContractSide = (typeof contractSide.enumValues)[number];
