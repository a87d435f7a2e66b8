/**
 * Before each test file: a fresh database copied from the migrated template, set as
 * DATABASE_URL before any app module connects (db/client.ts follows it), and the environment the
 * worker started with. Dropped when the file is done.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { databaseUrl } from "../../scripts/lib/embedded-postgres";

// Files that do not replace modules share a worker's modules (vitest.config.ts): what a file before
// this one set in process.env, or left in the process-wide caches, must not reach this one.
// (The catalogue kept on globalThis is kept per connection pool: a file's new database reads it again.)
const shared = globalThis as unknown as { compagnonTestEnv?: Record<string, string | undefined>; compagnonLogger?: unknown };
const baseline = (shared.compagnonTestEnv ??= { ...process.env });
for (const key of Object.keys(process.env)) if (!(key in baseline)) delete process.env[key];
Object.assign(process.env, baseline);
// Uploaded files of this test file go to a folder of their own, set before the first await: work a
// file before this one left running (a job, a promise) wrote meanwhile to the checkout's .data.
const dataDir = mkdtempSync(path.join(os.tmpdir(), "compagnon-test-data-"));
process.env.COMPAGNON_DATA_DIR = dataDir;
shared.compagnonLogger = undefined;
const { resetEnvCache } = await import("../../lib/env");
resetEnvCache();

const serverUrl = inject("testServerUrl");
const template = inject("testTemplate");
const name = `t_${process.ppid}_${randomBytes(5).toString("hex")}`;

const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}" template "${template}"`);
// A test database never needs to survive a crash: commits do not wait for the disk (3x faster runs).
await admin.unsafe(`alter database "${name}" set synchronous_commit = off`);
process.env.DATABASE_URL = databaseUrl(serverUrl, name);
process.env.APP_URL = "http://localhost:3000";
process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-123";

afterAll(async () => {
  const { closeDb } = await import("../../db/client");
  await closeDb();
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end({ timeout: 5 });
  rmSync(dataDir, { recursive: true, force: true });
});
