/**
 * Once per run (for both integration projects): a real PostgreSQL (TEST_DATABASE_URL, else an embedded one in a temporary
 * folder) and a template database with every migration applied. Each test file then gets
 * its own database copied from the template (see file-database.ts).
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../db/migrate";
import { DEFAULT_RUNTIME_ROLE, ensureRuntimeRole } from "../../db/roles";
import { databaseUrl, startEmbeddedPostgres, throwawayDataParent } from "../../scripts/lib/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
    testTemplate: string;
    /** The password of compagnon_app, the runtime role (tests/integration/invoicing/runtime-role.test.ts). */
    testRuntimePassword: string;
  }
}

const RUNTIME_PASSWORD = "compagnon-app-test";

interface TestDatabase {
  serverUrl: string;
  template: string;
  teardown: () => Promise<void>;
}

async function startTestDatabase(): Promise<TestDatabase> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stopServer = async () => {};
  let dataDir: string | undefined;
  if (serverUrl) {
    serverUrl = databaseUrl(serverUrl, "postgres");
    console.log(`[tests] PostgreSQL from TEST_DATABASE_URL (${new URL(serverUrl).host})`);
  } else {
    dataDir = await mkdtemp(path.join(throwawayDataParent(), "compagnon-test-pg-"));
    await chmod(dataDir, 0o755); // the postgres system user must reach it when we run as root
    const embedded = await startEmbeddedPostgres(path.join(dataDir, "data"), { throwaway: true });
    serverUrl = embedded.serverUrl;
    stopServer = embedded.stop;
    console.log(`[tests] embedded PostgreSQL on port ${embedded.port}`);
  }

  const template = `compagnon_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${template}"`);
  // The tests connect as the superuser (they set up and inspect any table); the template also
  // grants the runtime role its rights, as production does, for the tests that connect as it.
  await ensureRuntimeRole(serverUrl, DEFAULT_RUNTIME_ROLE, RUNTIME_PASSWORD);
  await migrateDatabase(databaseUrl(serverUrl, template), undefined, { runtimeRole: DEFAULT_RUNTIME_ROLE });

  const teardown = async () => {
    // Drop the template and any database a crashed file left behind.
    const leftovers = await admin<{ datname: string }[]>`
      select datname from pg_database where datname = ${template} or datname like ${`t_${process.pid}_%`}`;
    for (const { datname } of leftovers) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.end({ timeout: 5 });
    await stopServer();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  return { serverUrl, template, teardown };
}

// The integration projects (vitest.config.ts) each run this setup in the one Vitest process: the
// first starts the database, the others use it, the last one out stops it.
const shared = globalThis as unknown as { compagnonTestDatabase?: { ready: Promise<TestDatabase>; users: number } };

export default async function setup(project: TestProject) {
  const state = (shared.compagnonTestDatabase ??= { ready: startTestDatabase(), users: 0 });
  state.users += 1;
  const { serverUrl, template, teardown } = await state.ready;
  project.provide("testServerUrl", serverUrl);
  project.provide("testTemplate", template);
  project.provide("testRuntimePassword", RUNTIME_PASSWORD);

  return async () => {
    state.users -= 1;
    if (state.users > 0) return;
    shared.compagnonTestDatabase = undefined;
    await teardown();
  };
}
