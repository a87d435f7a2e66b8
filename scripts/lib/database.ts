import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_RUNTIME_ROLE, ensureRuntimeRole, runtimeRoleOf, urlAsRole } from "../../db/roles";
import { databaseUrl, ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";

export const DATA_DIR = path.resolve(process.env.COMPAGNON_DATA_DIR || ".data");

export interface ProvidedDatabase {
  /** What the app connects as (DATABASE_URL): the runtime role, which owns nothing. */
  url: string;
  /** The owner's URL, for migrations, seeding, backups and restores (DATABASE_OWNER_URL; else DATABASE_URL). */
  ownerUrl: string;
  /** The runtime role to grant to after migrations, when it is not the owner. */
  runtimeRole: string | null;
  embedded: RunningPostgres | null;
  stop: () => Promise<void>;
}

/**
 * DATABASE_URL (+ DATABASE_OWNER_URL) when set; otherwise a real PostgreSQL from the
 * embedded-postgres package, with its data in .data/postgres, on a free port: its superuser owns
 * the tables and the app connects as compagnon_app (created here, password in .data/). `stop` is
 * a no-op for an external database.
 */
export async function provideDatabase(options: { log?: boolean } = {}): Promise<ProvidedDatabase> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    const ownerUrl = process.env.DATABASE_OWNER_URL || url;
    return { url, ownerUrl, runtimeRole: runtimeRoleOf(ownerUrl, url), embedded: null, stop: async () => {} };
  }
  console.log("[compagnon] DATABASE_URL is not set: starting the embedded PostgreSQL in .data/postgres");
  const embedded = await startEmbeddedPostgres(path.join(DATA_DIR, "postgres"), options);
  await ensureDatabase(embedded.serverUrl, "compagnon");
  const ownerUrl = databaseUrl(embedded.serverUrl, "compagnon");
  const password = await embeddedRuntimePassword();
  await ensureRuntimeRole(embedded.serverUrl, DEFAULT_RUNTIME_ROLE, password);
  console.log(`[compagnon] embedded PostgreSQL listening on 127.0.0.1:${embedded.port}`);
  return { url: urlAsRole(ownerUrl, DEFAULT_RUNTIME_ROLE, password), ownerUrl, runtimeRole: DEFAULT_RUNTIME_ROLE, embedded, stop: embedded.stop };
}

/** The embedded database's compagnon_app password: generated once into .data/ (git-ignored). */
async function embeddedRuntimePassword(): Promise<string> {
  const file = path.join(DATA_DIR, "postgres-app-password");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(DATA_DIR, { recursive: true });
  const password = randomBytes(24).toString("hex");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}
