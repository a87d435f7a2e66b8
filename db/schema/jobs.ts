import { sql, type SQL } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { catalogCategory, catalogSoftware } from "./catalog";
import { organizations } from "./organizations";
import { tsvector } from "./tsvector";

/** The Paris month an instant falls in, as the timestamp it starts (immutable: indexable). */
const parisMonth = (column: AnyPgColumn) => sql`date_trunc('month', ${column} at time zone 'Europe/Paris')`;

export const jobStatus = pgEnum("job_status", ["draft", "open", "in_progress", "closed", "cancelled"]);
export const jobKind = pgEnum("job_kind", ["installation", "support_one_off", "support_monthly", "training"]);
export const budgetType = pgEnum("budget_type", ["fixed", "daily"]);
export const hostingPreference = pgEnum("hosting_preference", ["vps", "dedicated", "on_premises", "not_sure"]);

export const dataSubjects = ["employees", "customers", "prospects", "suppliers", "patients", "students", "members"] as const;
export type DataSubject = (typeof dataSubjects)[number];
export const dataCategories = ["identity", "contact", "financial", "hr", "health", "technical", "documents"] as const;
export type DataCategory = (typeof dataCategories)[number];

/** Answers of the "help me choose" questions, for a client who does not know which software fits. */
export interface JobNeedsAnswers {
  users?: number;
  sites?: number;
  existing?: string;
  hosting?: "vps" | "dedicated" | "on_premises" | "not_sure";
}

/**
 * What a client asks of a training ("formation") need: the objectives, who attends and at
 * which level, the hours, the format, how many people, when, and whether the organisation must
 * be Qualiopi-certified (the condition for OPCO or other public funding).
 */
export interface JobTrainingNeed {
  objectives: string;
  attendeesLevel: string;
  durationHours: number;
  format: "on_site" | "remote" | "mixed";
  attendeesCount: number;
  wishedPeriod: string;
  qualiopiRequired: boolean;
}

export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    status: jobStatus("status").notNull().default("draft"),
    /** Furthest wizard step saved (1-based), so the wizard resumes where the client stopped. */
    wizardStep: integer("wizard_step").notNull().default(1),
    kind: jobKind("kind"),
    helpMeChoose: boolean("help_me_choose").notNull().default(false),
    needs: jsonb("needs").$type<JobNeedsAnswers>().notNull().default({}),
    /** Set for a training need (kind "training") once the wizard's step 5 is saved; null otherwise. */
    trainingNeed: jsonb("training_need").$type<JobTrainingNeed>(),
    personalData: boolean("personal_data"),
    /** When personal data is reachable: whose data (employees, customers…) and which kinds, for the art. 28 agreement. */
    dataSubjects: text("data_subjects").array().$type<DataSubject[]>().notNull().default(sql`'{}'`),
    dataCategories: text("data_categories").array().$type<DataCategory[]>().notNull().default(sql`'{}'`),
    budgetType: budgetType("budget_type"),
    budgetMinCents: integer("budget_min_cents"),
    budgetMaxCents: integer("budget_max_cents"),
    dailyRateCapCents: integer("daily_rate_cap_cents"),
    startOn: date("start_on"),
    deadlineOn: date("deadline_on"),
    remote: boolean("remote"),
    departement: text("departement"),
    title: text("title").notNull().default(""),
    /** Public summary, shown to everyone on the board. */
    description: text("description").notNull().default(""),
    /** Confidential details: verified experts who accepted the job's NDA only. */
    confidentialDetails: text("confidential_details").notNull().default(""),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The need's liquidity, kept by the database (triggers on bids, contracts, job_software and
     * catalog_software, migration *_custom_job_liquidity) for the admin insights: when its first
     * bid came, how many bids it received (withdrawn ones included: they were received), when it
     * became a contract, and the catalogue families of the software it names, each once, in order.
     */
    firstBidAt: timestamp("first_bid_at", { withTimezone: true }),
    bidCount: integer("bid_count").notNull().default(0),
    contractedAt: timestamp("contracted_at", { withTimezone: true }),
    softwareFamilies: catalogCategory("software_families").array().notNull().default(sql`'{}'`),
    /** French full-text document: the title weighs more than the public description. */
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('french', coalesce(${jobs.title}, '')), 'A') || setweight(to_tsvector('french', coalesce(${jobs.description}, '')), 'B')`,
    ),
  },
  (t) => [
    index().on(t.createdById),
    index().on(t.organizationId),
    index().on(t.status, t.publishedAt),
    // The admin insights' medians (lib/insights/marketplace.ts): a Paris month's needs in order of
    // their delay to a first bid or to a contract, all kinds or one, so the middle one is found by
    // skipping the first half of a narrow index (index-only: the columns it is computed from come
    // last) instead of sorting the month. The counts come from job_liquidity_months.
    index("jobs_first_bid_delay_idx")
      .on(parisMonth(t.publishedAt), sql`(${t.firstBidAt} - ${t.publishedAt})`, t.publishedAt, t.firstBidAt)
      .where(sql`${t.firstBidAt} is not null`),
    index("jobs_kind_first_bid_delay_idx")
      .on(parisMonth(t.publishedAt), t.kind, sql`(${t.firstBidAt} - ${t.publishedAt})`, t.publishedAt, t.firstBidAt)
      .where(sql`${t.firstBidAt} is not null`),
    index("jobs_contract_delay_idx")
      .on(parisMonth(t.publishedAt), sql`(${t.contractedAt} - ${t.publishedAt})`, t.publishedAt, t.contractedAt)
      .where(sql`${t.contractedAt} is not null`),
    index("jobs_kind_contract_delay_idx")
      .on(parisMonth(t.publishedAt), t.kind, sql`(${t.contractedAt} - ${t.publishedAt})`, t.publishedAt, t.contractedAt)
      .where(sql`${t.contractedAt} is not null`),
    check("job_budget_order", sql`${t.budgetMinCents} is null or ${t.budgetMaxCents} is null or ${t.budgetMinCents} <= ${t.budgetMaxCents}`),
  ],
);

/**
 * The job board's side of each open need: what its search and filters read, and nothing else
 * (no title or description text, no confidential details), kept by the database (trigger
 * jobs_search_entry, migration *_custom_job_search_entries) from the need itself: a row while the
 * need is open, none otherwise. A page of the board walks these narrow rows, some fifty to a
 * page, instead of the needs' wide ones (about ten to a page), and reads only the page's needs.
 */
export const jobSearchEntries = pgTable(
  "job_search_entries",
  {
    jobId: uuid("job_id")
      .primaryKey()
      .references(() => jobs.id, { onDelete: "cascade" }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    kind: jobKind("kind"),
    remote: boolean("remote"),
    departement: text("departement"),
    budgetMaxCents: integer("budget_max_cents"),
    dailyRateCapCents: integer("daily_rate_cap_cents"),
    /** The need's own search document (jobs.search): the title weighs more than the description. */
    search: tsvector("search").notNull(),
  },
  (t) => [
    // fastupdate off: new rows go into the index at once instead of a pending list that every
    // search reads through linearly (up to 4 MB of it until a vacuum) — needs are read far more than written.
    index("job_search_entries_search_idx").using("gin", t.search).with({ fastupdate: false }),
    // Newest first, as the board lists them.
    index("job_search_entries_recency_idx").on(t.publishedAt.desc(), t.jobId.desc()),
  ],
);

/**
 * How many open needs hold each word of the board's search documents (the lexemes of
 * job_search_entries.search), kept by the database (statement triggers on job_search_entries,
 * migration *_custom_job_search_words). A one-word search reads its word's figures here to know,
 * without reading any need, that more than COUNT_CAP needs match (lib/jobs/search-count.ts wordCount).
 * `word` compares byte by byte (collation "C", set by that migration), as a prefix search does.
 */
export const jobSearchWords = pgTable(
  "job_search_words",
  {
    word: text("word").primaryKey(),
    needs: integer("needs").notNull(),
  },
  (t) => [index("job_search_words_empty").on(t.word).where(sql`${t.needs} = 0`)],
);

export const jobSoftware = pgTable(
  "job_software",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    softwareId: uuid("software_id")
      .notNull()
      .references(() => catalogSoftware.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.softwareId] }), index().on(t.softwareId)],
);

/** Each expert's acceptance of a job's NDA, recorded before the confidential details are shown. */
export const jobNdaAcceptances = pgTable(
  "job_nda_acceptances",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ndaVersion: text("nda_version").notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId), primaryKey({ columns: [t.jobId, t.userId] })],
);

export type Job = typeof jobs.$inferSelect;
export type JobStatus = (typeof jobStatus.enumValues)[number];
export type JobKind = (typeof jobKind.enumValues)[number];
