import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * An admin's authenticator (TOTP, RFC 6238). Secrets are stored encrypted with a key derived from
 * AUTH_SECRET. `pendingSecret` is the one shown on the enrolment page until a code from it is
 * entered; `lastUsedStep` refuses a code of a time step already used (replay).
 */
export const adminTotpFactors = pgTable("admin_totp_factors", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text("secret"),
  pendingSecret: text("pending_secret"),
  enrolledAt: timestamp("enrolled_at", { withTimezone: true }),
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes, stored as SHA-256 digests; `usedAt` set once, never cleared. */
export const adminRecoveryCodes = pgTable(
  "admin_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull().unique(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);

export type AdminTotpFactor = typeof adminTotpFactors.$inferSelect;
