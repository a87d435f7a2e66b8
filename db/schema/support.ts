import { boolean, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { locale, users } from "./auth";

/** What a message to the platform is about; `authority` is the point of contact for authorities. */
export const supportTopic = pgEnum("support_topic", ["question", "account", "billing", "authority", "other"]);
/** `open`: waiting for the platform; `answered`: waiting for the person; `closed`: settled. */
export const supportStatus = pgEnum("support_status", ["open", "answered", "closed"]);

/**
 * A conversation between a person (signed in, or any visitor through the contact form) and the
 * platform's admins. A visitor without an account reaches it through the secret link of the last
 * email we sent them.
 */
export const supportThreads = pgTable(
  "support_threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    topic: supportTopic("topic").notNull(),
    subject: text("subject").notNull(),
    status: supportStatus("status").notNull().default("open"),
    requesterId: uuid("requester_id").references(() => users.id, { onDelete: "set null" }),
    requesterName: text("requester_name").notNull(),
    requesterEmail: text("requester_email").notNull(),
    locale: locale("locale").notNull(),
    /** Hash of the secret link last emailed to a person without an account (each email has a new one). */
    accessKeyHash: text("access_key_hash"),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.status, t.lastMessageAt), index().on(t.requesterId)],
);

export const supportMessages = pgTable(
  "support_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => supportThreads.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    /** Written by an admin for the platform (else by the person who asked). */
    fromPlatform: boolean("from_platform").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.authorId), index().on(t.threadId, t.createdAt)],
);

export type SupportThread = typeof supportThreads.$inferSelect;
export type SupportTopic = (typeof supportTopic.enumValues)[number];
