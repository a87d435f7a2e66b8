import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * One in-app notification: made by `sendEmail` for every non-sensitive email whose recipient is
 * a user (see lib/notifications), whether or not the email itself goes out.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The email's idempotency key: a retried event never notifies twice. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    /** See NOTIFICATION_CATEGORIES. */
    category: text("category").notNull(),
    template: text("template").notNull(),
    /** The email's subject, in the recipient's language. */
    title: text("title").notNull(),
    /** A path inside the app (`/contracts/…`), never an absolute URL. */
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt.desc()),
    // The bell's count: one index-only lookup of the person's unread rows.
    index("notifications_user_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** A person's choice for one category: a row only when they changed the default (email on). */
export const notificationSettings = pgTable(
  "notification_settings",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text("category").notNull(),
    email: boolean("email").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category] })],
);

export type NotificationRow = typeof notifications.$inferSelect;
