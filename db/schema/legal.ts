import { boolean, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * A new version of a legal document (terms, privacy policy, billing mandate) announced by an
 * admin: the text ships with the code (lib/legal/versions.ts), the announcement gives its
 * effective date, at least 15 days later (30 when the fees change). `emailsQueuedAt` is set by
 * the worker once everyone was emailed.
 */
export const legalAnnouncements = pgTable(
  "legal_announcements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    document: text("document", { enum: ["terms", "privacy", "mandate"] }).notNull(),
    version: text("version").notNull(),
    effectiveAt: timestamp("effective_at", { withTimezone: true }).notNull(),
    changesFees: boolean("changes_fees").notNull().default(false),
    announcedById: uuid("announced_by_id").references(() => users.id, { onDelete: "set null" }),
    announcedAt: timestamp("announced_at", { withTimezone: true }).notNull().defaultNow(),
    emailsQueuedAt: timestamp("emails_queued_at", { withTimezone: true }),
  },
  (t) => [unique("legal_announcements_document_version").on(t.document, t.version), index().on(t.announcedById)],
);

/** Who accepted which version of which document, and when (erased with the account). */
export const legalAcceptances = pgTable(
  "legal_acceptances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    document: text("document", { enum: ["terms", "privacy", "mandate"] }).notNull(),
    version: text("version").notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("legal_acceptances_user_document_version").on(t.userId, t.document, t.version), index("legal_acceptances_user").on(t.userId)],
);

export type LegalDocument = (typeof legalAnnouncements.$inferSelect)["document"];
