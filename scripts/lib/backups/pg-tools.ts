import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";

const run = promisify(execFile);

/** Oldest PostgreSQL client we accept: the server's own minimum (README: PostgreSQL 15+). */
export const MIN_CLIENT_MAJOR = 15;

/** An expected refusal: the script prints its message on one line and exits 1. */
export class BackupRefusal extends Error {}

/** `pg_dump` / `pg_restore` from PG_BIN_DIR when set (e.g. /usr/lib/postgresql/17/bin), else from PATH. */
export function toolPath(tool: "pg_dump" | "pg_restore"): string {
  const dir = process.env.PG_BIN_DIR;
  return dir ? path.join(dir, tool) : tool;
}

/** The major version in `pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)`. */
export function parseClientMajor(versionLine: string): number | null {
  const match = versionLine.match(/\(PostgreSQL\)\s+(\d+)/);
  return match ? Number(match[1]) : null;
}

/** Why a client of `clientMajor` cannot work on a server of `serverMajor`, or null when it can. */
export function clientProblem(tool: string, clientMajor: number, serverMajor: number): string | null {
  if (clientMajor < MIN_CLIENT_MAJOR) {
    return `${tool} ${clientMajor} is too old: install the PostgreSQL client ${Math.max(MIN_CLIENT_MAJOR, serverMajor)} or newer (apt-get install postgresql-client-${Math.max(MIN_CLIENT_MAJOR, serverMajor)}) or set PG_BIN_DIR.`;
  }
  if (clientMajor < serverMajor) {
    return `${tool} ${clientMajor} is older than the PostgreSQL ${serverMajor} server: install postgresql-client-${serverMajor} and set PG_BIN_DIR=/usr/lib/postgresql/${serverMajor}/bin.`;
  }
  return null;
}

/** The major version of the client tool; BackupRefusal when it is missing. */
export async function clientMajor(tool: "pg_dump" | "pg_restore"): Promise<number> {
  let stdout: string;
  try {
    ({ stdout } = await run(toolPath(tool), ["--version"]));
  } catch {
    throw new BackupRefusal(
      `${tool} not found${process.env.PG_BIN_DIR ? ` in PG_BIN_DIR (${process.env.PG_BIN_DIR})` : " on PATH"}: install the PostgreSQL client (apt-get install postgresql-client) or set PG_BIN_DIR.`,
    );
  }
  const major = parseClientMajor(stdout);
  if (major === null) throw new BackupRefusal(`${tool} --version said ${JSON.stringify(stdout.trim())}: not a PostgreSQL client.`);
  return major;
}

/** The server's major version (`server_version_num` 170006 → 17). */
export async function serverMajor(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_version_num: string }[]>`show server_version_num`;
    return Math.floor(Number(row?.server_version_num) / 10_000);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Refuses (BackupRefusal) when `tool` is missing or older than the server at `url`. */
export async function checkClient(tool: "pg_dump" | "pg_restore", url: string): Promise<void> {
  const problem = clientProblem(tool, await clientMajor(tool), await serverMajor(url));
  if (problem) throw new BackupRefusal(problem);
}

/** Runs a PostgreSQL client tool; its stderr becomes the error message when it fails. */
export async function runTool(tool: "pg_dump" | "pg_restore", args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(toolPath(tool), args, { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${tool} failed${stderr ? `: ${stderr}` : ""}`, { cause: error });
  }
}
