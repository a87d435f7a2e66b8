/** The background worker as its own process, for production (`npm run worker`). Needs DATABASE_URL. */
import { closeDb } from "../db/client";
import { env } from "../lib/env";
import { startWorker } from "../lib/jobs/worker";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required for `npm run worker`.");
  process.exit(2);
}
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
