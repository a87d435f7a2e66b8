/**
 * The performance benchmark (`npm run bench`, `npm run bench -- --small` for a quick run):
 *  1. a throw-away database (embedded PostgreSQL, or a new database on BENCH_DATABASE_URL's
 *     server), migrated and seeded at scale through SQL (db/seed/scale.ts);
 *  2. in-process goals: hot write paths, and the search SQL at p95 (scripts/bench/database-goals.ts);
 *  3. the production server (`scripts/start.ts --web`, built first if needed) beside its plain
 *     counterparts (scripts/bench/plain-server.ts): the best indexed search on node:http +
 *     postgres, and the app's own page bytes served as static files;
 *  4. autocannon on every target, interleaved over rounds; statements per request; peak RSS of
 *     the web process.
 * `-- --only=search`: the search parts alone (the search SQL, and the load on the searches beside
 * the plain best search), to measure a change to the searches in a third of the time; written to
 * bench/results-search.json (bench/results.json keeps the last full run).
 * `-- --only=database`: steps 1 and 2 alone, printed, nothing written (the insights' queries, say).
 * `-- --only=load`: step 2 skipped (the server under load, its peak RSS), written to
 * bench/results-load.json.
 * `-- --only=pages`: step 2 and the load skipped: what the public pages weigh (HTML, JavaScript
 * gzip, `nomodule` scripts; scripts/bench/page-weight.ts), printed, nothing written.
 * `-- --lighthouse`: Lighthouse (mobile) on `/`, `/jobs`, a need and an expert's page too
 * (scripts/bench/lighthouse.ts; read its performance score on an idle machine).
 * Prints every result beside its goal and the list of goals missed, writes bench/results.json;
 * exits 0 when every goal is met, 1 when one is missed, 2 when the benchmark itself failed.
 * Not part of `npm test`.
 */
import "./lib/node-version"; // first: refuses an unsupported Node.js before anything else runs
import { fork, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { FULL_SCALE, SCALE_TERMS, SMALL_SCALE, seedAtScale } from "../db/seed/scale";
import { productionIdentity } from "../tests/helpers/platform-identity"; // a made-up identity a production start accepts
import { databaseGoals, EXPERT_TERMS, searchGoals, type Measure } from "./bench/database-goals";
import { lighthouseGoals } from "./bench/lighthouse";
import { pageWeightGoals } from "./bench/page-weight";
import { descendants, hammer, peakRssMiB, statementsPerRequest, type Run } from "./bench/load";
import { databaseUrl, ensureDatabase, freePort, startEmbeddedPostgres } from "./lib/embedded-postgres";

const small = process.argv.includes("--small");
const searchOnly = process.argv.includes("--only=search");
const databaseOnly = process.argv.includes("--only=database");
const loadOnly = process.argv.includes("--only=load");
const pagesOnly = process.argv.includes("--only=pages");
const withLighthouse = process.argv.includes("--lighthouse");
const resultsFile = searchOnly ? "results-search.json" : loadOnly ? "results-load.json" : "results.json";
const sizes = small ? SMALL_SCALE : FULL_SCALE;
const seconds = small ? 3 : 8;
const rounds = 2;
const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
const started = Date.now();
const say = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

const workDir = await mkdtemp(path.join(os.tmpdir(), "compagnon-bench-"));
await chmod(workDir, 0o755);
const cleanups: (() => Promise<unknown> | unknown)[] = [() => rm(workDir, { recursive: true, force: true })];
async function cleanUp() {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch((error: unknown) => console.error(error));
}

try {
  // 1. The throw-away database.
  let serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    const pg = await startEmbeddedPostgres(path.join(workDir, "pg"), { throwaway: true });
    cleanups.push(pg.stop);
    serverUrl = pg.serverUrl;
  }
  const name = `compagnon_bench_${process.pid}`;
  const url = await ensureDatabase(serverUrl, name);
  if (process.env.BENCH_DATABASE_URL) {
    cleanups.push(async () => {
      const admin = postgres(databaseUrl(serverUrl, "postgres"), { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    });
  }
  process.env.DATABASE_URL = url;
  const { migrateDatabase } = await import("../db/migrate");
  const { db, closeDb } = await import("../db/client");
  const { seedCatalog } = await import("../db/seed/seed");
  await migrateDatabase(url);
  await seedCatalog(db);
  const seeder = postgres(url, { max: 1, onnotice: () => {} });
  await seedAtScale(seeder, sizes);
  const [sample] = await seeder<{ job: string; slug: string }[]>`select
    (select id from jobs where status = 'open' order by published_at desc limit 1) as job,
    (select slug from expert_profiles where status = 'verified' order by verified_at desc limit 1) as slug`;
  await seeder.end();
  say(`seeded ${sizes.jobs} needs, ${sizes.experts} experts, ${sizes.bids} bids, ${sizes.contracts} contracts`);

  // 2. In-process goals.
  const measures: Measure[] = loadOnly || pagesOnly ? [] : await (searchOnly ? searchGoals(small) : databaseGoals(small));
  await closeDb();
  if (!loadOnly && !pagesOnly) say("database goals measured");
  if (databaseOnly) {
    printMeasures(measures);
    await cleanUp();
    process.exit(measures.some((m) => !m.ok) ? 1 : 0);
  }

  // 3. The production server and its plain counterparts.
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || process.argv.includes("--build")) {
    say("building (next build)…");
    const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const appPort = await freePort();
  const app = `http://localhost:${appPort}`;
  const counterFile = path.join(workDir, "sql-count");
  const launcher = spawn(process.execPath, [tsx, "scripts/start.ts", "--web"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...productionIdentity,
      DATABASE_URL: url,
      APP_URL: app,
      ALLOW_INSECURE_APP_URL: "1",
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
      PORT: String(appPort),
      HOSTNAME: "127.0.0.1",
      COMPAGNON_DATA_DIR: path.join(workDir, "data"),
      COMPAGNON_SQL_COUNT_FILE: counterFile,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    },
  });
  cleanups.push(() => new Promise((resolve) => (launcher.exitCode !== null ? resolve(null) : (launcher.once("exit", resolve), launcher.kill("SIGTERM")))));
  await waitFor(`${app}/api/health`, 120_000);
  say("production server up");

  const pages: Record<string, string> = {
    home: "/",
    legal: "/legal/notice",
    experts: "/experts",
    expert: `/experts/${sample!.slug}`,
    job: `/jobs/${sample!.job}`,
  };
  if (!searchOnly) {
    const { rootMainFiles } = JSON.parse(readFileSync(path.join(root, ".next", "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
    const weighed = await pageWeightGoals(app, ["/", "/jobs", ...Object.values(pages).filter((page) => page !== "/")], rootMainFiles);
    measures.push(...weighed.measures);
    say("pages weighed");
    if (withLighthouse) {
      measures.push(...(await lighthouseGoals(app, ["/", "/jobs", pages.job!, pages.expert!])));
      say("Lighthouse done");
    }
    if (pagesOnly) {
      printMeasures(measures);
      await cleanUp();
      process.exit(measures.some((m) => !m.ok) ? 1 : 0);
    }
  }
  const staticDir = path.join(workDir, "static");
  await mkdir(staticDir);
  for (const [key, page] of Object.entries(pages)) await writeFile(path.join(staticDir, key), Buffer.from(await (await fetch(`${app}${page}`)).arrayBuffer()));
  const plainPort = await freePort();
  const plainBase = `http://127.0.0.1:${plainPort}`;
  const plain = fork(path.join(root, "scripts/bench/plain-server.ts"), [], {
    execArgv: ["--import", "tsx"],
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(plainPort), STATIC_DIR: staticDir },
  });
  cleanups.push(() => plain.kill("SIGTERM"));
  await new Promise((resolve, reject) => (plain.once("message", resolve), plain.once("exit", reject)));

  // 4. The load, interleaved.
  interface Target { name: string; url: string; plain?: string; minRatio?: number; maxP99?: number; maxStatements?: number }
  const q = SCALE_TERMS.common;
  const searches: Target[] = [
    { name: "plain: best indexed search", url: `${plainBase}/search?q=${q}` },
    { name: `/jobs?q=${q}`, url: `${app}/jobs?q=${q}`, plain: "plain: best indexed search", minRatio: 1 / 8, maxP99: 150, maxStatements: 3 },
    { name: `/experts?q=${EXPERT_TERMS.common}`, url: `${app}/experts?q=${EXPERT_TERMS.common}`, maxStatements: 3 },
  ];
  const targets: Target[] = searchOnly ? searches : [
    ...searches,
    { name: "plain: newest open needs", url: `${plainBase}/list` },
    { name: "/jobs", url: `${app}/jobs`, plain: "plain: newest open needs", minRatio: 1 / 6, maxStatements: 3 },
    ...Object.entries(pages).flatMap(([key, page]) => [
      { name: `static: ${page}`, url: `${plainBase}/static/${key}` },
      { name: page, url: `${app}${page}`, plain: `static: ${page}`, minRatio: 1 / 3, maxStatements: 3 },
    ]),
    { name: "/api/health", url: `${app}/api/health` },
  ];
  const statements = new Map<string, number>();
  for (const target of targets.filter((t) => t.url.startsWith(app))) {
    // Warm-up first: a route's first request loads its code and what it keeps (the catalogue),
    // which is not what a request costs.
    await hammer(target.url, 1);
    // Per render: an unknown cookie keeps a public page out of the public-page cache.
    statements.set(target.name, await statementsPerRequest(target.url, counterFile, 10, { cookie: "bench-render=1" }));
  }
  say("warmed up; statements per request counted");
  const runs = new Map<string, Run[]>();
  for (let round = 1; round <= rounds; round++) {
    for (const target of targets) runs.set(target.name, [...(runs.get(target.name) ?? []), await hammer(target.url, seconds)]);
    say(`round ${round}/${rounds} done`);
  }
  // The launcher's processes (tsx, scripts/start.ts, esbuild) and the web process it starts
  // (scripts/web-server.ts): the goal is the web process's; the launcher's is shown beside it.
  const processes = descendants(launcher.pid ?? 0).map((pid) => ({ pid, rss: peakRssMiB(pid), web: commandLine(pid).includes("web-server.ts") }));
  const peakRss = Math.max(0, ...processes.filter((p) => p.web).map((p) => p.rss));
  const launcherRss = Math.max(0, ...processes.filter((p) => !p.web).map((p) => p.rss));

  // 5. Results beside goals.
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const results = targets.map((target) => {
    const list = runs.get(target.name) ?? [];
    const rps = mean(list.map((r) => r.requestsPerSecond));
    const counterpart = target.plain ? mean((runs.get(target.plain) ?? []).map((r) => r.requestsPerSecond)) : null;
    const ratio = counterpart ? rps / counterpart : null;
    const p99 = Math.max(...list.map((r) => r.p99));
    const sqlPerRequest = statements.get(target.name) ?? null;
    const misses = [
      target.minRatio && ratio !== null && ratio < target.minRatio ? `ratio < 1/${Math.round(1 / target.minRatio)}` : null,
      target.maxP99 && p99 > target.maxP99 ? `p99 > ${target.maxP99} ms` : null,
      target.maxStatements !== undefined && sqlPerRequest !== null && sqlPerRequest > target.maxStatements ? `SQL > ${target.maxStatements}` : null,
      list.some((r) => r.errors > 0) && target.plain ? "errors" : null,
    ].filter((m): m is string => m !== null);
    return {
      target: target.name,
      requestsPerSecond: Math.round(rps),
      p50: Math.round(mean(list.map((r) => r.p50))),
      p99,
      errors: list.reduce((sum, r) => sum + r.errors, 0),
      sqlPerRequest,
      ratio,
      goal: [target.minRatio ? `≥ 1/${Math.round(1 / target.minRatio)}` : "", target.maxP99 ? `p99 ≤ ${target.maxP99} ms` : "", target.maxStatements !== undefined ? `SQL ≤ ${target.maxStatements}` : ""].filter(Boolean).join(", "),
      ok: misses.length === 0,
      misses,
    };
  });
  measures.push({ name: "peak RSS of the web process", value: peakRss, unit: "MiB", goal: "≤ 512", ok: peakRss > 0 && peakRss <= 512 });
  measures.push({ name: "reference: peak RSS of the launcher (scripts/start.ts)", value: launcherRss, unit: "MiB", goal: "(not a goal)", ok: true });

  console.log(`\n${small ? "small" : "full"} data set${searchOnly ? ", search parts only" : ""}; autocannon, 10 connections, ${seconds} s per target, ${rounds} interleaved rounds\n`);
  console.log("| target | req/s | p50 ms | p99 ms | errors | SQL/req | ratio to plain | goal | |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
  for (const r of results) {
    const ratio = r.ratio === null ? "" : r.ratio >= 1 ? `${r.ratio.toFixed(2)}` : `1/${(1 / r.ratio).toFixed(1)}`;
    console.log(`| ${r.target} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.sqlPerRequest ?? ""} | ${ratio} | ${r.goal} | ${r.goal ? (r.ok ? "ok" : `MISS (${r.misses.join(", ")})`) : ""} |`);
  }
  printMeasures(measures);

  const failed = results.some((r) => !r.ok) || measures.some((m) => !m.ok);
  const missed = [
    ...results.filter((r) => !r.ok).map((r) => `${r.target}: ${r.misses.join(", ")}`),
    ...measures.filter((m) => !m.ok).map((m) => `${m.name}: ${m.value.toFixed(m.unit === "ms" ? 2 : m.unit === "kB" ? 1 : 0)} ${m.unit}, goal ${m.goal}`),
  ];
  if (missed.length > 0) console.log(`\nGoals missed (exit code 1):\n${missed.map((line) => `  - ${line}`).join("\n")}`);
  console.log(`\nMachine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (other processes share the cores: read the ratios)`);
  await mkdir(path.join(root, "bench"), { recursive: true });
  await writeFile(
    path.join(root, "bench", resultsFile),
    `${JSON.stringify({ date: new Date().toISOString(), dataSet: small ? "small" : "full", only: searchOnly ? "search" : loadOnly ? "load" : undefined, sizes, cpus: os.cpus().length, loadAverage: os.loadavg(), secondsPerTarget: seconds, rounds, targets: results, measures, missed, ok: !failed }, null, 2)}\n`,
  );
  say(`done: ${failed ? "goals missed" : "every goal met"} (bench/${resultsFile})`);
  await cleanUp();
  process.exit(failed ? 1 : 0);
} catch (error) {
  console.error(error);
  await cleanUp();
  process.exit(2);
}

function printMeasures(measures: Measure[]) {
  console.log("\n| measure | result | goal | |\n| --- | ---: | --- | --- |");
  for (const m of measures) console.log(`| ${m.name} | ${m.value.toFixed(m.unit === "ms" ? 2 : m.unit === "kB" ? 1 : 0)} ${m.unit} | ${m.goal} | ${m.ok ? "ok" : "MISS"} |`);
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${url}`);
}
