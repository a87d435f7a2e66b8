/**
 * Starts the whole app: database (DATABASE_URL, or an embedded PostgreSQL), migrations,
 * catalogue (+ demo data in demo mode), the background worker, and Next.js.
 *   npm run demo        → build + this script with --demo (local demo mode, http://localhost:3000)
 *   npm start           → production (needs a build and the configuration of README "Production")
 *   npm start -- --web  → production, the web process alone (run `npm run worker` beside it)
 *   npm run dev         → this script with --dev (next dev, demo mode)
 * Next.js runs as a child process that stops when this one dies, even by `kill -9`; this process
 * exits non-zero when the child dies, and passes SIGTERM/SIGINT on to it.
 */
import "./lib/node-version"; // first: refuses an unsupported Node.js before anything else runs
import "./lib/load-env";
import "./lib/die-with-parent.mjs";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { log, routeConsoleToLogger } from "../lib/observability/logger";
import { provideDatabase } from "./lib/database";
import { prepareDatabase } from "./lib/prepare-database";
import { refuseBadProductionConfig } from "./lib/refuse-bad-config";
import { demoAuthSecret } from "./lib/secrets";

const dev = process.argv.includes("--dev");
const demo = dev || process.argv.includes("--demo");
const webOnly = process.argv.includes("--web");
const STOP_TIMEOUT_MS = 15_000;
/**
 * The web process's V8 heap. Young generation: on a machine with a few GB of memory V8 lets each
 * of the two semi-spaces grow to 64 MB, so under load 128 MB of the process's memory is nursery
 * alone (measured with the benchmark, README "Performance"); 16 MB each keeps the nursery at
 * 32 MB. A request's garbage (headers, the page's chunks, the log line) dies young either way, so
 * the more frequent scavenges cost little. Old generation: V8 sizes its limit from the machine's
 * memory (about 4 GB here) and, far from it, lets the heap grow to several times what is alive
 * before a full collection: under the benchmark's load the process grew to 510 MiB, and fell back
 * to about 230 MiB after each full collection. Limited to 256 MB, V8 collects sooner: peak 334 MiB,
 * the same request rates. A flag of the same name in NODE_OPTIONS is left to win.
 */
const nodeOptions = process.env.NODE_OPTIONS ?? "";
const WEB_HEAP_FLAGS = [
  ...(/--max-semi-space-size\b/.test(nodeOptions) ? [] : ["--max-semi-space-size=16"]),
  ...(/--max-old-space-size\b/.test(nodeOptions) ? [] : ["--max-old-space-size=256"]),
];

const logger = log("launcher");

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const port = process.env.PORT || "3000";
  if (demo) {
    process.env.COMPAGNON_DEMO = "1";
    process.env.AUTH_SECRET ||= await demoAuthSecret();
    // The address it serves, for the app too: its links, and the host check that answers 421 to
    // any other (without this, `PORT=3100 npm run demo` refused every page).
    process.env.APP_URL ||= `http://localhost:${port}`;
  } else {
    refuseBadProductionConfig("[compagnon]");
  }
  // From here on, every line of this process (the worker's, a library's) is JSON.
  routeConsoleToLogger(log());
  if (!dev && !existsSync(path.join(".next", "BUILD_ID"))) {
    logger.fatal("no production build found: run `npm run build` first (or `npm run demo`).");
    process.exit(1);
  }

  const database = await provideDatabase();
  process.env.DATABASE_URL = database.url;

  // Imported after DATABASE_URL is known: these modules read the environment.
  const { closeDb } = await import("../db/client");
  const { startWorker } = await import("../lib/background/worker");
  const { env } = await import("../lib/env");
  env(); // validate now, not on the first request

  const { programs, demoLoaded } = await prepareDatabase(database, { demo });
  if (demoLoaded) logger.info("demo data loaded (see README for the demo accounts)");
  if (!demo) {
    // The app must not be able to rewrite its own records (README, "Production": the two roles).
    const [{ sqlClient }, { runtimeRoleProblems }] = await Promise.all([import("../db/client"), import("../db/roles")]);
    for (const problem of await runtimeRoleProblems(sqlClient())) logger.warn(problem);
  }
  logger.info(`catalogue: ${programs} programs`);

  const worker = webOnly ? null : await startWorker(database.url);
  // Production and demo: our web server (scripts/web-server.ts) in front of Next.js, listening on
  // HOSTNAME (default 127.0.0.1: the reverse proxy is in front). Development: `next dev`.
  const server = dev
    ? [path.join("node_modules", "next", "dist", "bin", "next"), "dev", "-p", port]
    : [...WEB_HEAP_FLAGS, "--import", "tsx", path.join("scripts", "web-server.ts")];
  const next: ChildProcess = spawn(process.execPath, ["--import", new URL("./lib/die-with-parent.mjs", import.meta.url).href, ...server], {
    stdio: "inherit",
    env: { ...process.env, PORT: port, NODE_ENV: dev ? "development" : "production" },
  });
  const what = webOnly ? "web process only" : "web + worker";
  logger.info(`${demo ? "demo mode, " : ""}${what}, serving ${process.env.APP_URL || `http://localhost:${port}`}`);

  let stopping = false;
  const shutdown = async (code: number, signal: NodeJS.Signals = "SIGTERM") => {
    if (stopping) {
      // A second Ctrl-C / SIGTERM: no more waiting.
      if (running(next)) next.kill("SIGKILL");
      process.exit(code || 1);
    }
    stopping = true;
    logger.info("stopping…");
    setTimeout(() => {
      logger.error("could not stop in time: exiting");
      if (running(next)) next.kill("SIGKILL");
      process.exit(code || 1);
    }, STOP_TIMEOUT_MS).unref();
    if (running(next)) {
      const exited = new Promise((resolve) => next.once("exit", resolve));
      next.kill(signal);
      await exited;
    }
    await worker?.stop().catch((error: unknown) => logger.error({ err: error }, "worker stop failed"));
    await closeDb().catch(() => {});
    await database.stop().catch((error: unknown) => logger.error({ err: error }, "database stop failed"));
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0, "SIGINT"));
  process.on("SIGTERM", () => void shutdown(0, "SIGTERM"));
  next.on("exit", (code, signal) => {
    if (stopping) return;
    logger.error(`the web process exited (${signal ?? `code ${code}`})`);
    void shutdown(code || 1);
  });
  worker?.promise.catch((error: unknown) => {
    logger.error({ err: error }, "the worker failed");
    void shutdown(1);
  });
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "failed to start");
  process.exit(1);
});
