import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { locale, users } from "./auth";
import { REPORT_REASONS, REPORT_TARGETS, RESTRICTION_GROUNDS } from "./moderation-lists";

/** What can be reported (DSA art. 16): a public need, an expert profile, a review, a message. */
export const reportTarget = pgEnum("report_target", REPORT_TARGETS);
/** The short list of reasons a reporter picks from (illegal content categories, or a terms breach). */
export const reportReason = pgEnum("report_reason", REPORT_REASONS);
/** `open`: waiting for an admin; then what was decided about the content. */
export const reportStatus = pgEnum("report_status", ["open", "kept", "removed", "restricted"]);

/** A notice about a piece of content (DSA art. 16). The reporter's identity is optional only for CSAM. */
export const contentReports = pgTable(
  "content_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    targetType: reportTarget("target_type").notNull(),
    targetId: uuid("target_id").notNull(),
    reason: reportReason("reason").notNull(),
    explanation: text("explanation").notNull(),
    /** Where exactly on the page (prefilled with the page's address). */
    location: text("location").notNull(),
    reporterId: uuid("reporter_id").references(() => users.id, { onDelete: "set null" }),
    reporterName: text("reporter_name"),
    reporterEmail: text("reporter_email"),
    locale: locale("locale").notNull(),
    goodFaith: boolean("good_faith").notNull(),
    status: reportStatus("status").notNull().default("open"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decisionNote: text("decision_note"),
    /** Hash of the secret link emailed to the reporter with the decision: an anonymous visitor reads and contests it with it. */
    reporterKeyHash: text("reporter_key_hash"),
    /** Set when the report was anonymised after its retention (5 years after the decision): only what the transparency counts need is left. */
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.status, t.createdAt), index().on(t.targetType, t.targetId), index().on(t.reporterId), index().on(t.decidedById), index().on(t.decidedAt)],
);

/** Content an admin took down (`removed`: shown to nobody but admins) or restricted (signed-in people only). */
export const moderatedContent = pgTable(
  "moderated_content",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    targetType: reportTarget("target_type").notNull(),
    targetId: uuid("target_id").notNull(),
    visibility: reportStatus("visibility").notNull(),
    reportId: uuid("report_id").references(() => contentReports.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.targetType, t.targetId), index().on(t.reportId)],
);

/** What a statement of reasons restricts (DSA art. 17). */
export const restrictionKind = pgEnum("restriction_kind", [
  "content_removed",
  "content_restricted",
  "profile_refused",
  "profile_suspended",
  "account_suspended",
  "payout_withheld",
]);

/** The ground relied on: a clause of the terms or the law. */
export const restrictionGround = pgEnum("restriction_ground", RESTRICTION_GROUNDS);

/** The statement of reasons given to the person a restriction affects (DSA art. 17), kept with the decision. */
export const statementsOfReasons = pgTable(
  "statements_of_reasons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    restriction: restrictionKind("restriction").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    facts: text("facts").notNull(),
    ground: restrictionGround("ground").notNull(),
    automated: boolean("automated").notNull().default(false),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    reportId: uuid("report_id").references(() => contentReports.id, { onDelete: "set null" }),
    /** Hash of the secret link emailed to the person: a suspended account cannot sign in to read or contest it. */
    accessKeyHash: text("access_key_hash"),
    /** Set when the restriction was lifted: by an internal complaint, or by an admin's reinstatement (or release). */
    reversedAt: timestamp("reversed_at", { withTimezone: true }),
    /** How it was lifted: `complaint` (a complaint reversed it) or `reinstated` (an admin lifted it by hand). */
    reversal: text("reversal", { enum: ["complaint", "reinstated"] }),
    /** Set when the 5 years after the last decision ran out: the person, facts and subject are gone (lib/moderation/retention.ts). */
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId, t.createdAt), index().on(t.createdAt), index().on(t.decidedById), index().on(t.reportId)],
);

/** `open`, then `upheld` (decision stands) or `reversed` (restriction lifted). */
export const complaintStatus = pgEnum("complaint_status", ["open", "upheld", "reversed"]);

/** An internal complaint against a statement of reasons (DSA art. 20), one per decision. */
export const decisionComplaints = pgTable(
  "decision_complaints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    statementId: uuid("statement_id")
      .notNull()
      .references(() => statementsOfReasons.id, { onDelete: "cascade" }),
    complainantId: uuid("complainant_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    status: complaintStatus("status").notNull().default("open"),
    answer: text("answer"),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.statementId), index().on(t.status, t.createdAt), index().on(t.complainantId), index().on(t.decidedById)],
);

/**
 * A reporter's internal complaint against the decision on their report (DSA art. 20 covers
 * notifiers too), one per report: `upheld` (the decision stands) or `reversed` (the content is
 * then removed or restricted, `newOutcome`, with a statement of reasons to its author).
 */
export const reportComplaints = pgTable(
  "report_complaints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => contentReports.id, { onDelete: "cascade" }),
    complainantId: uuid("complainant_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    status: complaintStatus("status").notNull().default("open"),
    answer: text("answer"),
    newOutcome: reportStatus("new_outcome"),
    statementId: uuid("statement_id").references(() => statementsOfReasons.id, { onDelete: "set null" }),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.reportId), index().on(t.status, t.createdAt), index().on(t.complainantId), index().on(t.decidedById), index().on(t.statementId)],
);

export type ContentReport = typeof contentReports.$inferSelect;
export type ReportTarget = (typeof reportTarget.enumValues)[number];
export type ReportReason = (typeof reportReason.enumValues)[number];
export type ReportComplaint = typeof reportComplaints.$inferSelect;
export type StatementOfReasons = typeof statementsOfReasons.$inferSelect;
export type RestrictionKind = (typeof restrictionKind.enumValues)[number];
export type RestrictionGround = (typeof restrictionGround.enumValues)[number];
