import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { contracts } from "./contracts";

/** What an access is: a host (SSH), an admin account, a VPN key, DNS, a hosting panel, a software's admin account, or else. */
export const accessKind = pgEnum("access_kind", ["host", "admin_account", "vpn_key", "dns", "hosting_panel", "software_admin", "other"]);
/** What the client decided for an access the handover pack lists to revoke: revoked, or kept (a retainer keeps some). */
export const accessDecision = pgEnum("access_decision", ["revoked", "kept"]);

/**
 * The access register of a contract: every access the expert was given or created, where it is
 * and who holds it, since when, and whether it was revoked. Never the secret itself.
 */
export const contractAccesses = pgTable(
  "contract_accesses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    kind: accessKind("kind").notNull(),
    /** Where the access is: "ssh deploy@srv1.example.fr", "OVH manager", "Nextcloud admin". */
    label: text("label").notNull(),
    /** Who holds it: a person or a team. */
    holder: text("holder").notNull(),
    since: date("since").notNull(),
    recordedById: uuid("recorded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedById: uuid("revoked_by_id").references(() => users.id, { onDelete: "set null" }),
    /** Listed by the expert's handover pack among the accesses to revoke. */
    toRevoke: boolean("to_revoke").notNull().default(false),
    decision: accessDecision("decision"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index().on(t.contractId, t.createdAt),
    index().on(t.recordedById),
    index().on(t.revokedById),
    index().on(t.decidedById),
    check("contract_accesses_decision_dated", sql`(${t.decision} is null) = (${t.decidedAt} is null)`),
  ],
);

/** The handover pack the expert delivers at the last milestone of an installation: one per contract. */
export const handoverPacks = pgTable(
  "handover_packs",
  {
    contractId: uuid("contract_id")
      .primaryKey()
      .references(() => contracts.id, { onDelete: "cascade" }),
    deliveredById: uuid("delivered_by_id").references(() => users.id, { onDelete: "set null" }),
    /** Hosts, services and versions. */
    architecture: text("architecture").notNull(),
    /** Where the backups go. */
    backups: text("backups").notNull(),
    restoreProcedure: text("restore_procedure").notNull(),
    lastRestoreTestOn: date("last_restore_test_on").notNull(),
    adminAccounts: text("admin_accounts").notNull(),
    updateProcedure: text("update_procedure").notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.deliveredById)],
);

export type ContractAccess = typeof contractAccesses.$inferSelect;
export type HandoverPack = typeof handoverPacks.$inferSelect;
export type AccessKind = (typeof accessKind.enumValues)[number];
export type AccessDecision = (typeof accessDecision.enumValues)[number];
