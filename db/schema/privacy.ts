import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** `requested`: the worker prepares it; `ready`: downloadable until `expires_at`; `expired`: file deleted. */
export const dataExportStatus = pgEnum("data_export_status", ["requested", "ready", "expired", "failed"]);

/** A person's copy of their data (GDPR art. 15 and 20), prepared by the worker, kept 7 days. */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: dataExportStatus("status").notNull().default("requested"),
    storageKey: text("storage_key"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp("ready_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [index().on(t.userId, t.requestedAt), index().on(t.status, t.expiresAt)],
);

export type DataExport = typeof dataExports.$inferSelect;
