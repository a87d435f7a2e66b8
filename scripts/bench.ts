/**
 * Benchmarks (`npm run bench`): throughput of the hot database paths on a real PostgreSQL
 * (DATABASE_URL, else a throw-away embedded one). Prints operations per second and memory; the
 * goals are printed beside each result and a miss makes the exit code 1.
 */
import "./lib/node-version"; // first: refuses an unsupported Node.js before anything else runs
import { mkdtemp, rm, chmod } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-postgres";

interface Goal {
  name: string;
  minOpsPerSecond: number;
  run: (i: number) => Promise<unknown>;
  iterations: number;
}

const workDir = await mkdtemp(path.join(os.tmpdir(), "compagnon-bench-"));
await chmod(workDir, 0o755);
let stop = async () => {};
if (!process.env.DATABASE_URL) {
  const pg = await startEmbeddedPostgres(path.join(workDir, "pg"));
  stop = pg.stop;
  process.env.DATABASE_URL = await ensureDatabase(pg.serverUrl, "bench");
}
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";

const { migrateDatabase } = await import("../db/migrate");
const { db, closeDb } = await import("../db/client");
const { hitRateLimit } = await import("../lib/auth/rate-limit");
const { sendEmail } = await import("../lib/email/send-email");
await migrateDatabase(process.env.DATABASE_URL);

const goals: Goal[] = [
  { name: "rate-limit hit (upsert)", minOpsPerSecond: 300, iterations: 2000, run: (i) => hitRateLimit(db, `bench:${i % 50}`, 10, 3600) },
  {
    name: "sendEmail (render + outbox + job, one transaction)",
    minOpsPerSecond: 40,
    iterations: 300,
    run: (i) =>
      db.transaction((tx) =>
        sendEmail(tx, {
          template: "sign-in",
          to: `bench${i}@example.test`,
          idempotencyKey: `bench:${Date.now()}:${i}`,
          props: { locale: i % 2 ? "fr" : "en", url: `http://localhost:3000/api/auth/callback/email?token=${i}`, expiresInMinutes: 30 },
        }),
      ),
  },
];

let failed = false;
for (const goal of goals) {
  const concurrency = 8;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < goal.iterations) await goal.run(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const opsPerSecond = goal.iterations / seconds;
  const ok = opsPerSecond >= goal.minOpsPerSecond;
  failed ||= !ok;
  console.log(`${ok ? "ok  " : "MISS"} ${goal.name}: ${opsPerSecond.toFixed(0)} ops/s (goal ≥ ${goal.minOpsPerSecond})`);
}
console.log(`heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MiB, rss: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(1)} MiB`);

await closeDb();
await stop();
await rm(workDir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
