import { existsSync } from "node:fs";
import { chmod, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { mkdirPrivate } from "@/lib/storage/private-dir";
import { archiveFolder, CHECKSUMS_FILE, DUMP_FILE, MANIFEST_FILE, UPLOADS_FILE, writeChecksums, type Manifest } from "./files";
import { checkClient, runTool, serverMajor } from "./pg-tools";

export interface BackupOptions {
  databaseUrl: string;
  /** The app's data folder (COMPAGNON_DATA_DIR, default .data): uploads are in its `uploads/`. */
  dataDir: string;
  /** Where backups go (BACKUP_DIR, default <dataDir>/backups). */
  backupDir: string;
  /** S3_BUCKET when files live in a bucket: no archive, the provider keeps them. */
  s3Bucket?: string;
  log?: (line: string) => void;
  now?: Date;
}

/**
 * The connection string without its password (which would show in `ps`), and the environment
 * that carries the password to pg_dump / pg_restore instead.
 */
export function clientConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  const env = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: parsed.toString(), env };
}

/** `compagnon-20261205T081500Z`: sorts by time, safe in any file system. */
export function backupName(now: Date): string {
  return `compagnon-${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}`;
}

/**
 * One folder per backup: database.dump (pg_dump custom format), uploads.tar.gz (unless files are
 * in S3), manifest.json and SHA256SUMS. It is written under a hidden name and renamed when
 * complete, so a folder with the final name is always a whole backup. Returns its path.
 */
export async function createBackup(options: BackupOptions): Promise<string> {
  const log = options.log ?? console.log;
  await checkClient("pg_dump", options.databaseUrl);
  const now = options.now ?? new Date();
  const name = backupName(now);
  const folder = path.join(options.backupDir, name);
  if (existsSync(folder)) throw new Error(`${folder} already exists`);
  const partial = path.join(options.backupDir, `.${name}.partial`);
  await mkdirPrivate(options.backupDir, path.dirname(options.backupDir));
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { mode: 0o700 });
  try {
    const { dbname, env } = clientConnection(options.databaseUrl);
    log(`[backup] dumping the database (${new URL(options.databaseUrl).host}${new URL(options.databaseUrl).pathname})`);
    await runTool("pg_dump", ["--format=custom", "--no-owner", "--no-acl", `--file=${path.join(partial, DUMP_FILE)}`, `--dbname=${dbname}`], env);
    const files: Manifest["files"] = options.s3Bucket ? { storage: "s3", bucket: options.s3Bucket } : { storage: "disk" };
    const contents = [DUMP_FILE];
    if (options.s3Bucket) {
      log(`[backup] files are in the S3 bucket ${options.s3Bucket}: back it up with your provider's versioning or replication (no archive made here)`);
    } else {
      const uploads = path.join(options.dataDir, "uploads");
      await mkdirPrivate(uploads, options.dataDir);
      log(`[backup] archiving ${uploads}`);
      await archiveFolder(options.dataDir, "uploads", path.join(partial, UPLOADS_FILE));
      contents.push(UPLOADS_FILE);
    }
    const manifest: Manifest = { format: 1, createdAt: now.toISOString(), serverMajor: await serverMajor(options.databaseUrl), files };
    await writeFile(path.join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    contents.push(MANIFEST_FILE);
    for (const file of contents) await chmod(path.join(partial, file), 0o600);
    await writeChecksums(partial, contents);
    await rename(partial, folder);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  log(`[backup] written to ${folder} (check it by hand with: cd ${folder} && sha256sum -c ${CHECKSUMS_FILE})`);
  return folder;
}
