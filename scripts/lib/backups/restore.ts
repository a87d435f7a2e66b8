import { existsSync, statSync } from "node:fs";
import { readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { mkdirPrivate } from "@/lib/storage/private-dir";
import { clientConnection } from "./backup";
import { DUMP_FILE, extractArchive, MANIFEST_FILE, UPLOADS_FILE, verifyChecksums, type Manifest } from "./files";
import { BackupRefusal, checkClient, runTool } from "./pg-tools";

export interface RestoreOptions {
  /** A backup folder made by createBackup (or any file inside it). */
  from: string;
  databaseUrl: string;
  dataDir: string;
  /** Empty a database (and set aside an uploads folder) that already holds data. */
  force?: boolean;
  log?: (line: string) => void;
}

const SYSTEM_SCHEMAS = "('pg_catalog', 'information_schema', 'pg_toast')";

async function inspectDatabase(sql: postgres.Sql) {
  const [tables] = await sql<{ count: number }[]>`
    select count(*)::int as count from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'v', 'm', 'S') and n.nspname not in ${sql.unsafe(SYSTEM_SCHEMAS)} and n.nspname not like 'pg_temp%'`;
  const [others] = await sql<{ count: number }[]>`
    select count(*)::int as count from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  return { tables: tables?.count ?? 0, connections: others?.count ?? 0 };
}

/** Drops every schema of ours (public, drizzle, graphile_worker…) and gives back an empty public. */
async function emptyDatabase(sql: postgres.Sql): Promise<void> {
  const schemas = await sql<{ nspname: string }[]>`
    select nspname from pg_namespace where nspname not in ${sql.unsafe(SYSTEM_SCHEMAS)} and nspname not like 'pg_temp%' and nspname not like 'pg_toast%'`;
  await sql.begin(async (tx) => {
    for (const { nspname } of schemas) await tx.unsafe(`drop schema "${nspname.replaceAll('"', '""')}" cascade`);
    await tx.unsafe("create schema public");
  });
}

function backupFolder(from: string): string {
  const resolved = path.resolve(from);
  if (!existsSync(resolved)) throw new BackupRefusal(`${from} does not exist: give the folder a backup wrote (e.g. .data/backups/compagnon-20261205T031500Z).`);
  return statSync(resolved).isDirectory() ? resolved : path.dirname(resolved);
}

const nonEmpty = async (folder: string) => existsSync(folder) && (await readdir(folder)).length > 0;

/**
 * Puts a backup back: checks every checksum, refuses a database that holds tables (or an uploads
 * folder that holds files) unless `force`, says what it will do, restores the dump in one
 * transaction with pg_restore, then the uploads.
 */
export async function restoreBackup(options: RestoreOptions): Promise<void> {
  const log = options.log ?? console.log;
  const folder = backupFolder(options.from);
  let manifest: Manifest;
  try {
    const verified = await verifyChecksums(folder);
    manifest = JSON.parse(await readFile(path.join(folder, MANIFEST_FILE), "utf8")) as Manifest;
    const needed = [DUMP_FILE, MANIFEST_FILE, ...(manifest.files.storage === "disk" ? [UPLOADS_FILE] : [])];
    const unverified = needed.filter((name) => !verified.includes(name));
    if (unverified.length > 0) throw new Error(`${unverified.join(", ")} not listed in its checksums`);
  } catch (error) {
    throw new BackupRefusal(`${folder} is not a whole backup: ${(error as Error).message}`);
  }
  await checkClient("pg_restore", options.databaseUrl);
  const target = new URL(options.databaseUrl);
  const where = `${target.host}${target.pathname}`;
  const uploads = path.join(options.dataDir, "uploads");
  const withFiles = manifest.files.storage === "disk";

  const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const state = await inspectDatabase(sql);
    if (state.connections > 0) {
      throw new BackupRefusal(`${state.connections} other connection(s) to ${where}: stop compagnon-web and compagnon-worker (and anything else using it) first.`);
    }
    const filesThere = withFiles && (await nonEmpty(uploads));
    if ((state.tables > 0 || filesThere) && !options.force) {
      const what = [state.tables > 0 ? `the database ${where} holds ${state.tables} tables` : "", filesThere ? `${uploads} holds files` : ""].filter(Boolean).join(" and ");
      throw new BackupRefusal(`Refusing to restore: ${what}. Restore into an empty database, or add --force to replace what is there.`);
    }
    log(`[restore] backup of ${manifest.createdAt} (${folder}), checksums verified`);
    log(`[restore] will ${state.tables > 0 ? `EMPTY the database ${where} (${state.tables} tables dropped), then ` : ""}restore the database into ${where}`);
    if (withFiles) log(`[restore] will put the uploaded files back in ${uploads}${filesThere ? ` (the files there now are moved aside)` : ""}`);
    else log(`[restore] files were in the S3 bucket ${manifest.files.storage === "s3" ? manifest.files.bucket : ""}: restore them with your provider's versioning if needed (nothing to put back here)`);
    if (state.tables > 0) await emptyDatabase(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }

  const { dbname, env } = clientConnection(options.databaseUrl);
  await runTool("pg_restore", ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", `--dbname=${dbname}`, path.join(folder, DUMP_FILE)], env);
  log(`[restore] database restored into ${where}`);
  if (withFiles) await restoreUploads(path.join(folder, UPLOADS_FILE), options.dataDir, log);
}

async function restoreUploads(archive: string, dataDir: string, log: (line: string) => void): Promise<void> {
  const uploads = path.join(dataDir, "uploads");
  const stamp = new Date().toISOString().replace(/[-:.]/g, "");
  const staging = path.join(dataDir, `.restore-${stamp}`);
  await mkdirPrivate(staging, dataDir);
  try {
    await extractArchive(archive, staging);
    if (existsSync(uploads)) {
      if (await nonEmpty(uploads)) {
        const aside = path.join(dataDir, `uploads.before-restore-${stamp}`);
        await rename(uploads, aside);
        log(`[restore] the files that were in ${uploads} are now in ${aside}`);
      } else {
        await rm(uploads, { recursive: true });
      }
    }
    await rename(path.join(staging, "uploads"), uploads);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  log(`[restore] uploaded files restored into ${uploads}`);
}
