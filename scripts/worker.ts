/** The background worker as its own process, for production (`npm run worker`). Needs DATABASE_URL. */
import "./lib/node-version"; // first: refuses an unsupported Node.js before anything else runs

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required for `npm run worker`.");
  process.exit(2);
}
// Imported once the checks passed: they load the database client and the job runtime.
const { closeDb } = await import("../db/client");
const { env } = await import("../lib/env");
const { startWorker } = await import("../lib/jobs/worker");
env();
const runner = await startWorker(url, Number(process.env.WORKER_CONCURRENCY ?? 4));
console.log("[worker] running");
const stop = async () => {
  await runner.stop();
  await closeDb();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
await runner.promise;
