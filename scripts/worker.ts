/**
 * The background worker as its own process (`npm run worker`), beside `npm start -- --web`.
 * Needs DATABASE_URL and, unless COMPAGNON_DEMO=1, the production configuration `npm start` checks.
 */
import "./lib/node-version"; // first: refuses an unsupported Node.js before anything else runs
import "./lib/load-env";
import "./lib/die-with-parent.mjs";
import { log, routeConsoleToLogger } from "../lib/observability/logger";
import { refuseBadProductionConfig } from "./lib/refuse-bad-config";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("[worker] DATABASE_URL is required for `npm run worker`.");
  process.exit(2);
}
if (process.env.COMPAGNON_DEMO !== "1") refuseBadProductionConfig("[worker]");
// From here on, every line of this process is JSON (LOG_LEVEL, lib/observability/logger.ts).
const logger = log("worker");
routeConsoleToLogger(log());
// Imported once the checks passed: they load the database client and the job runtime.
const { closeDb } = await import("../db/client");
const { env } = await import("../lib/env");
const { startWorker } = await import("../lib/background/worker");
env();
const worker = await startWorker(url, Number(process.env.WORKER_CONCURRENCY || 4));
logger.info(`running (${worker.workerIds().join(", ")})`);
let stopping = false;
const stop = async (code: number) => {
  if (stopping) process.exit(code || 1);
  stopping = true;
  setTimeout(() => process.exit(code || 1), 30_000).unref();
  await worker.stop().catch((error: unknown) => logger.error({ err: error }, "stop failed"));
  await closeDb();
  process.exit(code);
};
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
await worker.promise.catch(async (error: unknown) => {
  logger.fatal({ err: error }, "failed");
  await stop(1);
});
