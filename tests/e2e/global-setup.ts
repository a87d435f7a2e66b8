/**
 * e2e: the real app as users get it — a production build served by `scripts/start.ts --demo`
 * (migrations, demo data, worker, next start) on a fresh database, driven by Debian's Chromium.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { DEFAULT_RUNTIME_ROLE, ensureRuntimeRole, urlAsRole } from "../../db/roles";
import { databaseUrl, freePort, startEmbeddedPostgres, throwawayDataParent } from "../../scripts/lib/embedded-postgres";
import { ensureFreshBuild } from "../../scripts/lib/fresh-build";

declare module "vitest" {
  export interface ProvidedContext {
    e2eBaseUrl: string;
    e2eChromium: string;
    e2eSigninLimitPerEmail: number;
    /** The app's database (as its owner, the superuser), for tests that check what a request left behind. */
    e2eDatabaseUrl: string;
    /** The app's data folder (COMPAGNON_DATA_DIR): files a test makes through the use cases go there, as the app's. */
    e2eDataDir: string;
    /** The PostgreSQL server (its `postgres` database), for tests that need a database of their own. */
    e2eServerUrl: string;
    /** Where the e2e files keep the admins' authenticator secrets (they enrol once per run). */
    e2eSecondFactorFile: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");
const SIGNIN_LIMIT_PER_EMAIL = 25;

/** An embedded PostgreSQL whose files live where throw-away ones go (in memory when there is room), removed when it stops. */
async function startThrowawayPostgres() {
  const dir = mkdtempSync(path.join(throwawayDataParent(), "compagnon-e2e-pg-"));
  chmodSync(dir, 0o755); // the postgres system user must reach it when we run as root
  const pg = await startEmbeddedPostgres(path.join(dir, "pg"), { throwaway: true });
  return {
    serverUrl: pg.serverUrl,
    stop: async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited early with code ${server.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the app did not become healthy in time");
}

export default async function setup(project: TestProject) {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    const message = `[e2e] SKIPPED: no Chromium at ${chromium} (apt-get install -y chromium). End-to-end tests did not run.`;
    if (process.env.CI === "true") throw new Error(`${message} They must run in CI.`);
    console.warn(`\n${"!".repeat(message.length)}\n${message}\n${"!".repeat(message.length)}\n`);
    project.provide("e2eBaseUrl", "");
    project.provide("e2eChromium", "");
    project.provide("e2eDatabaseUrl", "");
    project.provide("e2eDataDir", "");
    project.provide("e2eSecondFactorFile", "");
    return;
  }

  ensureFreshBuild();
  const work = mkdtempSync(path.join(os.tmpdir(), "compagnon-e2e-"));
  chmodSync(work, 0o755);
  let stopDatabase = async () => {};
  const name = `e2e_${process.pid}`;
  const serverUrl = process.env.TEST_DATABASE_URL
    ? databaseUrl(process.env.TEST_DATABASE_URL, "postgres")
    : await startThrowawayPostgres().then((pg) => {
        stopDatabase = pg.stop;
        return pg.serverUrl;
      });
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.unsafe(`alter database "${name}" set synchronous_commit = off`); // throw-away data
  const databaseUrlForApp = databaseUrl(serverUrl, name);
  // As in production: migrations as the owner, the app as compagnon_app, which owns nothing.
  const runtimePassword = "compagnon-app-test"; // the integration tests use the same (one role per server)
  await ensureRuntimeRole(serverUrl, DEFAULT_RUNTIME_ROLE, runtimePassword);

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const server = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts", "--demo"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      APP_URL: baseUrl,
      DATABASE_URL: urlAsRole(databaseUrlForApp, DEFAULT_RUNTIME_ROLE, runtimePassword),
      DATABASE_OWNER_URL: databaseUrlForApp,
      COMPAGNON_DATA_DIR: path.join(work, "data"),
      RESEND_API_KEY: "",
      // Every e2e visitor comes from ::1; the per-IP limit has its own integration test.
      SIGNIN_LIMIT_PER_IP: "1000",
      // The demo accounts sign in many times across the e2e files, within one hour.
      SIGNIN_LIMIT_PER_EMAIL: String(SIGNIN_LIMIT_PER_EMAIL),
      // ops@: made admin at sign-in; new-admin@: an admin the pages tour leaves on the enrolment page.
      ADMIN_EMAILS: "ops@example.test,new-admin@example.test",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const output: string[] = [];
  server.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  try {
    await waitForHealth(baseUrl, server);
  } catch (error) {
    console.error(output.join(""));
    server.kill("SIGTERM");
    await admin.end({ timeout: 5 });
    await stopDatabase();
    throw error;
  }
  // Every connection the app holds to its database is the runtime role's.
  const roles = await admin<{ role: string }[]>`select distinct usename as role from pg_stat_activity where datname = ${name}`;
  if (roles.length === 0 || roles.some(({ role }) => role !== DEFAULT_RUNTIME_ROLE)) {
    server.kill("SIGTERM");
    throw new Error(`[e2e] the app should connect as ${DEFAULT_RUNTIME_ROLE} only, not as ${roles.map(({ role }) => role).join(", ")}`);
  }
  console.log(`[e2e] app ready at ${baseUrl}, connected as ${DEFAULT_RUNTIME_ROLE}`);
  project.provide("e2eBaseUrl", baseUrl);
  project.provide("e2eChromium", chromium);
  project.provide("e2eSigninLimitPerEmail", SIGNIN_LIMIT_PER_EMAIL);
  project.provide("e2eDatabaseUrl", databaseUrlForApp);
  project.provide("e2eDataDir", path.join(work, "data"));
  project.provide("e2eServerUrl", serverUrl);
  project.provide("e2eSecondFactorFile", path.join(work, "second-factor.json"));

  return async () => {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    if (process.env.E2E_SERVER_LOG) console.log(output.join(""));
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
    await stopDatabase();
    rmSync(work, { recursive: true, force: true });
  };
}
