import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { Logger, runMigrations } from "graphile-worker";
import postgres from "postgres";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// graphile-worker logs each of its own migrations; keep start-up output readable.
const quietLogger = new Logger(() => () => {});

/** Applies our Drizzle migrations, then graphile-worker's schema (the job queue). */
export async function migrateDatabase(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(sql), { migrationsFolder });
  } finally {
    await sql.end({ timeout: 5 });
  }
  await runMigrations({ connectionString: url, logger: quietLogger });
}
