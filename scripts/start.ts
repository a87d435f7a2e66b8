/**
 * Starts the whole app: database (DATABASE_URL, or an embedded PostgreSQL), migrations,
 * catalogue (+ demo data in demo mode), the background worker, and Next.js.
 *   npm run demo   → build + this script with --demo (local demo mode, http://localhost:3000)
 *   npm start      → production (needs a build; DATABASE_URL, AUTH_SECRET, ... from the environment)
 *   npm run dev    → this script with --dev (next dev, demo mode)
 */
import "./lib/node-version"; // first: refuses an unsupported Node.js before anything else runs
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { provideDatabase } from "./lib/database";
import { demoAuthSecret } from "./lib/secrets";

const dev = process.argv.includes("--dev");
const demo = dev || process.argv.includes("--demo");

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (demo) {
    process.env.COMPAGNON_DEMO = "1";
    process.env.AUTH_SECRET ??= await demoAuthSecret();
  }
  if (!dev && !existsSync(path.join(".next", "BUILD_ID"))) {
    console.error("[compagnon] no production build found: run `npm run build` first (or `npm run demo`).");
    process.exit(1);
  }

  const database = await provideDatabase();
  process.env.DATABASE_URL = database.url;

  // Imported after DATABASE_URL is known: these modules read the environment.
  const { migrateDatabase } = await import("../db/migrate");
  const { db, closeDb } = await import("../db/client");
  const { seedCatalog, seedDemo } = await import("../db/seed/seed");
  const { startWorker } = await import("../lib/jobs/worker");
  const { env } = await import("../lib/env");
  env(); // validate now, not on the first request

  await migrateDatabase(database.url);
  const count = await seedCatalog(db);
  if (demo && (await seedDemo(db))) {
    const { seedDemoContract } = await import("./lib/demo-contract");
    await seedDemoContract();
    console.log("[compagnon] demo data loaded (see README for the demo accounts)");
  }
  console.log(`[compagnon] catalogue: ${count} programs`);

  const worker = await startWorker(database.url);
  const port = process.env.PORT ?? "3000";
  const next: ChildProcess = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), dev ? "dev" : "start", "-p", port],
    { stdio: "inherit", env: { ...process.env, NODE_ENV: dev ? "development" : "production" } },
  );
  console.log(`[compagnon] ${demo ? "demo mode, " : ""}serving http://localhost:${port}`);

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("[compagnon] stopping…");
    if (next.exitCode === null) {
      next.kill("SIGTERM");
      await new Promise((resolve) => next.once("exit", resolve));
    }
    await worker.stop().catch(() => {});
    await closeDb().catch(() => {});
    await database.stop().catch((error: unknown) => console.error("[compagnon] database stop failed", error));
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  next.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((error: unknown) => {
  console.error("[compagnon] failed to start:", error);
  process.exit(1);
});
