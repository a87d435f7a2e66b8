import path from "node:path";
import { databaseUrl, ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";

export const DATA_DIR = path.resolve(process.env.COMPAGNON_DATA_DIR || ".data");

/**
 * DATABASE_URL when set; otherwise a real PostgreSQL from the embedded-postgres package, with
 * its data in .data/postgres, on a free port. `stop` is a no-op for an external database.
 */
export async function provideDatabase(options: { log?: boolean } = {}): Promise<{
  url: string;
  embedded: RunningPostgres | null;
  stop: () => Promise<void>;
}> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: null, stop: async () => {} };
  }
  console.log("[compagnon] DATABASE_URL is not set: starting the embedded PostgreSQL in .data/postgres");
  const embedded = await startEmbeddedPostgres(path.join(DATA_DIR, "postgres"), options);
  await ensureDatabase(embedded.serverUrl, "compagnon");
  const url = databaseUrl(embedded.serverUrl, "compagnon");
  console.log(`[compagnon] embedded PostgreSQL listening on 127.0.0.1:${embedded.port}`);
  return { url, embedded, stop: embedded.stop };
}
