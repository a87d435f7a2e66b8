import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { Logger, runMigrations } from "graphile-worker";
import postgres from "postgres";
import { grantRuntimeRole } from "./roles";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// graphile-worker logs each of its own migrations; keep start-up output readable.
const quietLogger = new Logger(() => () => {});

/** The advisory lock taken around migrations and seeding (any constant, the same in every process). */
export const MIGRATION_LOCK_KEY = 4_242_017_011;

/**
 * Applies our Drizzle migrations, then graphile-worker's schema (the job queue), then the
 * runtime role's rights (`runtimeRole`: the role the app connects as, see db/roles.ts), then
 * `whileLocked` (the seeding), all under one PostgreSQL advisory lock: processes that start at
 * once wait for each other instead of creating the same types twice. The lock belongs to a
 * connection of its own, so it is released even if this process dies. `url` is the owner's.
 */
export async function migrateDatabase(url: string, whileLocked?: () => Promise<void>, options: { runtimeRole?: string | null } = {}): Promise<void> {
  const lock = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await applyMigrations(url);
      if (options.runtimeRole) await grantRuntimeRole(url, options.runtimeRole);
      await whileLocked?.();
    } finally {
      await lock`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await lock.end({ timeout: 5 });
  }
}

async function applyMigrations(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(sql), { migrationsFolder });
  } finally {
    await sql.end({ timeout: 5 });
  }
  await runMigrations({ connectionString: url, logger: quietLogger });
  await registerTaskIdentifiers(url);
}

/**
 * graphile-worker records each task name the first time a job of it is queued; two
 * transactions queueing two new names at once can deadlock on that. Every name we queue is
 * registered once here, under the migration lock, so queueing never inserts one. Through the
 * public API only: queueing a job of each task records its name, and removing the job in the
 * same transaction means no worker ever sees it (the names stay).
 */
export const TASK_IDENTIFIERS = ["deliver_email", "urssaf_reminders", "process_stripe_event", "send_transfer", "send_refund", "render_invoice", "milestone_deadlines", "repair_payment_intents", "prepare_data_export", "purge_data_exports", "dac7_notices", "einvoice_submit", "einvoice_poll", "einvoice_lookup_address", "einvoice_report", "einvoice_period_reports", "announce_legal_version", "anonymise_old_reports", "retainer_billing", "retainer_tickets", "retainer_payment_method_saved"];

async function registerTaskIdentifiers(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      for (const task of [...TASK_IDENTIFIERS].sort()) {
        const key = `register-task:${task}`;
        await tx`select graphile_worker.add_job(${task}, '{}'::json, job_key := ${key}::text)`;
        await tx`select graphile_worker.remove_job(${key}::text)`;
      }
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
