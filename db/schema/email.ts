import { index, integer, pgEnum, pgTable, text, timestamp, uuid, boolean } from "drizzle-orm/pg-core";
import { locale } from "./auth";

export const emailStatus = pgEnum("email_status", ["pending", "sent", "stored", "failed"]);

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Same key → same email: a retried event never sends twice, and Resend dedupes on it too. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    template: text("template").notNull(),
    locale: locale("locale").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    /** Sign-in links and invitations: their body is wiped once delivered by the provider. */
    sensitive: boolean("sensitive").notNull().default(false),
    status: emailStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [index().on(t.createdAt), index().on(t.toAddress)],
);

export type EmailOutboxRow = typeof emailOutbox.$inferSelect;
