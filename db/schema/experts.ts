import {
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
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql, type SQL } from "drizzle-orm";
import { users } from "./auth";
import { catalogSoftware } from "./catalog";
import { tsvector } from "./tsvector";

export const verificationStatus = pgEnum("verification_status", [
  "draft",
  "submitted",
  "verified",
  "changes_requested",
  "rejected",
  "suspended",
]);
export const legalForm = pgEnum("legal_form", ["micro_entrepreneur", "ei", "eurl", "sasu", "sarl", "sas", "other"]);
export const tradeRegister = pgEnum("trade_register", ["rcs", "rm"]);
export const vatRegime = pgEnum("vat_regime", ["franchise", "vat_registered"]);
/**
 * Who sends the invoices issued in the expert's name to a Plateforme Agréée (XP Z12-014, invoices
 * issued by a mandated third party): Compagnon's PA on the expert's behalf, or the expert's own PA.
 */
export const einvoicingChannel = pgEnum("einvoicing_channel", ["compagnon", "own_pa"]);
/** How often the expert files VAT returns: it sets the e-reporting periods (a decade for the normal regime's monthly filers). */
export const vatFiling = pgEnum("vat_filing", ["normal_monthly", "normal_quarterly", "simplified"]);
export const serviceKind = pgEnum("service_kind", ["installation", "support", "training"]);
export const evidenceKind = pgEnum("evidence_kind", ["registration", "urssaf", "insurance", "certification", "qualiopi", "other"]);

export interface ExpertLinks {
  website?: string;
  forge?: string;
  contributions?: string;
}

/** Optional fields the expert may show on the public page. */
export const publicFieldNames = ["photo", "bio", "links", "references", "languages", "legalForm"] as const;
export type PublicFieldName = (typeof publicFieldNames)[number];

export const expertProfiles = pgTable(
  "expert_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    slug: text("slug").notNull().unique(),
    displayName: text("display_name").notNull().default(""),
    headline: text("headline").notNull().default(""),
    bio: text("bio").notNull().default(""),
    serviceKinds: serviceKind("service_kinds").array().notNull().default(sql`'{}'`),
    dailyRateCents: integer("daily_rate_cents"),
    departments: text("departments").array().notNull().default(sql`'{}'`),
    remoteOk: boolean("remote_ok").notNull().default(true),
    languages: text("languages").array().notNull().default(sql`'{fr}'`),
    legalForm: legalForm("legal_form"),
    siret: text("siret"),
    vatRegime: vatRegime("vat_regime"),
    vatNumber: text("vat_number"),
    /** Opted to pay VAT on debits (art. 269 2 c CGI) rather than on receipts: stated on its invoices (BT-8), and no payment e-reporting. */
    vatOnDebits: boolean("vat_on_debits").notNull().default(false),
    /** Compagnon's PA (default) or the expert's own PA, named, with the expert's electronic invoicing address there. */
    einvoicingChannel: einvoicingChannel("einvoicing_channel").notNull().default("compagnon"),
    ownPaName: text("own_pa_name"),
    ownPaAddress: text("own_pa_address"),
    /** VAT returns: monthly or quarterly (normal regime) or simplified; null: not said (the most frequent periods are used). */
    vatFiling: vatFiling("vat_filing"),
    /** Trade register (Code de commerce R123-237): "rcs" or "rm" with the greffe's city or the RM's département; null if not registered. */
    tradeRegister: tradeRegister("trade_register"),
    tradeRegisterPlace: text("trade_register_place"),
    /** A company's share capital, printed on its invoices. */
    shareCapitalCents: integer("share_capital_cents"),
    insurer: text("insurer"),
    insurancePolicyNumber: text("insurance_policy_number"),
    insuranceExpiresOn: date("insurance_expires_on"),
    /** Optional photo (PNG or JPEG), stored privately like evidence; served only when public. */
    photoKey: text("photo_key"),
    /** Short code in the expert's invoice numbers (F-<code>-2026-0001), set at the first invoice. */
    invoiceCode: text("invoice_code").unique(),
    photoMime: text("photo_mime"),
    links: jsonb("links").$type<ExpertLinks>().notNull().default({}),
    publicFields: text("public_fields").array().$type<PublicFieldName[]>().notNull().default(sql`'{photo,bio,links,references,languages}'`),
    status: verificationStatus("status").notNull().default("draft"),
    statusReason: text("status_reason"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    /** Issue date of the URSSAF certificate for which the renewal reminder went out. */
    urssafReminderFor: date("urssaf_reminder_for"),
    searchText: text("search_text").notNull().default(""),
    /** The French full-text document of searchText, stored: the directory ranks with it without parsing the text again. */
    search: tsvector("search").generatedAlwaysAs((): SQL => sql`to_tsvector('french', ${expertProfiles.searchText})`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.status),
    // The public directory searches verified profiles only (see lib/experts/directory.ts).
    // fastupdate off, as jobs_open_search_idx (db/schema/jobs.ts): no pending list for every search to read.
    index("expert_profiles_verified_search_idx").using("gin", t.search).with({ fastupdate: false }).where(sql`status = 'verified'`),
    check("daily_rate_positive", sql`${t.dailyRateCents} is null or ${t.dailyRateCents} > 0`),
    check("share_capital_positive", sql`${t.shareCapitalCents} is null or ${t.shareCapitalCents} > 0`),
  ],
);

export const expertSkills = pgTable(
  "expert_skills",
  {
    profileId: uuid("profile_id")
      .notNull()
      .references(() => expertProfiles.id, { onDelete: "cascade" }),
    softwareId: uuid("software_id")
      .notNull()
      .references(() => catalogSoftware.id, { onDelete: "restrict" }),
    level: integer("level").notNull(),
    years: integer("years").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.softwareId] }),
    index().on(t.softwareId),
    check("skill_level_range", sql`${t.level} between 1 and 3`),
    check("skill_years_range", sql`${t.years} between 0 and 60`),
  ],
);

export const expertReferences = pgTable(
  "expert_references",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => expertProfiles.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    clientType: text("client_type").notNull(),
    project: text("project").notNull(),
    year: integer("year").notNull(),
  },
  (t) => [index().on(t.profileId)],
);

export const evidenceFiles = pgTable(
  "evidence_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => expertProfiles.id, { onDelete: "cascade" }),
    kind: evidenceKind("kind").notNull(),
    label: text("label"),
    /** The name the expert's file had, for display only; never used as a path. */
    originalName: text("original_name").notNull(),
    /** Server-generated storage key (`evidence/<uuid>`). */
    storageKey: text("storage_key").notNull().unique(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** Issue date, for certificates that expire (the URSSAF one is stale after six months). */
    issuedOn: date("issued_on"),
    /** Qualiopi: the certificate's number and the date it runs out, checked by the vetting desk. */
    certificateNumber: text("certificate_number"),
    expiresOn: date("expires_on"),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.profileId)],
);

/** A reviewed field's approved value and the value the expert asks for instead. */
export interface ProfileFieldChange {
  from: string | null;
  to: string | null;
}

/** Changes to reviewed fields (SIRET, legal form, VAT) that a verified expert asked for. */
export type ProfileChanges = Partial<Record<"siret" | "legalForm" | "vatRegime" | "vatNumber", ProfileFieldChange>>;

/**
 * One row per submission: what the admin decided, when, why, and the checklist ticked. A row
 * with `changes` reviews a verified profile's changes to reviewed fields: the profile stays
 * verified and public with its approved values until the decision applies or discards them.
 */
export const verificationRequests = pgTable(
  "verification_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => expertProfiles.id, { onDelete: "cascade" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decision: verificationStatus("decision"),
    reason: text("reason"),
    checklist: jsonb("checklist").$type<Record<string, boolean>>(),
    changes: jsonb("changes").$type<ProfileChanges>(),
    /** The profile's SIRET in force once decided, so the vetting desk sees a SIRET changed since. */
    decidedSiret: text("decided_siret"),
  },
  (t) => [
    index().on(t.decidedById),
    index().on(t.profileId),
    index().on(t.decidedAt),
    // At most one change request waiting per profile.
    uniqueIndex("verification_requests_one_open_change").on(t.profileId).where(sql`${t.decidedAt} is null and ${t.changes} is not null`),
  ],
);

export type ExpertProfile = typeof expertProfiles.$inferSelect;
export type VerificationStatus = (typeof verificationStatus.enumValues)[number];
export type LegalForm = (typeof legalForm.enumValues)[number];
export type VatRegime = (typeof vatRegime.enumValues)[number];
export type EinvoicingChannel = (typeof einvoicingChannel.enumValues)[number];
export type VatFiling = (typeof vatFiling.enumValues)[number];
export type ServiceKind = (typeof serviceKind.enumValues)[number];
export type EvidenceKind = (typeof evidenceKind.enumValues)[number];
export type EvidenceFile = typeof evidenceFiles.$inferSelect;
export type TradeRegister = (typeof tradeRegister.enumValues)[number];
