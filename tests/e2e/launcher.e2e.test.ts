/**
 * `npm start` in production as an operator runs it (a build, a .env-like environment, no demo):
 * the first admin signs in with the link `admin:create` prints, the launcher dies with its web
 * process, its web process dies with it, and nothing is left listening on the port.
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { databaseUrl, freePort } from "@/scripts/lib/embedded-postgres";
import { runScript, spawnScript } from "@/tests/helpers/scripts";
import { e2eEnabled, launchBrowserPerFile, newVisitor } from "./support/browser";
import { AdminSecondFactor } from "./pages/AdminSecondFactor";
import { productionIdentity } from "@/tests/helpers/platform-identity";
import fr from "@/messages/fr.json";

launchBrowserPerFile();

const name = `e2e_launcher_${process.pid}`;
const launchers: ChildProcess[] = [];
let env: Record<string, string> = {};
let base = "";
let port = 0;

beforeAll(async () => {
  if (!e2eEnabled) return;
  const admin = postgres(inject("e2eServerUrl"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end({ timeout: 5 });
  port = await freePort();
  // Next listens on 127.0.0.1 (HOSTNAME); the browser reaches it as localhost, the APP_URL.
  base = `http://localhost:${port}`;
  env = {
    DATABASE_URL: databaseUrl(inject("e2eServerUrl"), name),
    APP_URL: base,
    ALLOW_INSECURE_APP_URL: "1",
    AUTH_SECRET: "3q2+7w8xN0vY5bZ4mKcP1sRt6uW9eL+gHhJiDoFaQkE=",
    ...productionIdentity,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    COMPAGNON_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "compagnon-launcher-data-")),
  };
});

/** A test that failed half-way leaves no launcher behind for the next one. */
afterEach(async () => {
  for (const launcher of launchers.splice(0)) {
    if (!alive(launcher)) continue;
    const exited = new Promise((resolve) => launcher.once("exit", resolve));
    launcher.kill("SIGTERM");
    await exited;
  }
});

afterAll(async () => {
  if (!e2eEnabled) return;
  rmSync(env.COMPAGNON_DATA_DIR ?? "", { recursive: true, force: true });
  const admin = postgres(inject("e2eServerUrl"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end({ timeout: 5 });
});

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Whether the process runs (a zombie waiting for its reaper does not). */
function pidAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

async function listening(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function waitUntil(what: string, probe: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The JSON lines of the launcher's output (its own, its worker's, its web process's). */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function sql<T>(url: string, run: (db: postgres.Sql) => Promise<T>): Promise<T> {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await run(db);
  } finally {
    await db.end({ timeout: 5 });
  }
}

/** Starts the launcher and waits for /api/health; returns it, the Next.js child's pid and how it exits. */
async function startLauncher(args: string[], extraEnv: Record<string, string | undefined> = {}) {
  const launcher = spawnScript("start", args, { ...env, ...extraEnv });
  launchers.push(launcher);
  let output = "";
  launcher.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => launcher.on("exit", (code) => resolve(code)));
  await waitUntil(
    "the app to answer",
    async () => {
      if (!alive(launcher)) throw new Error(`the launcher exited: ${output}`);
      return fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    },
    120_000,
  );
  const children = execFileSync("pgrep", ["-P", String(launcher.pid)]).toString().trim().split("\n").map(Number);
  expect(children).toHaveLength(1);
  return { launcher, next: children[0] ?? 0, exit, output: () => output };
}

describe.skipIf(!e2eEnabled)("npm start in production", () => {
  it("web + worker: ready, the first admin signs in with the printed link; kill -9 of the web process stops the launcher (exit 1)", async () => {
    const { next, exit, output } = await startLauncher([]);
    expect(output()).toContain("web + worker, serving");
    expect(output()).toContain("WARNING: RESEND_API_KEY is not set");
    await waitUntil("readiness", () => fetch(`${base}/api/ready`).then((r) => r.status === 200), 30_000);

    const created = await runScript("admin-create", ["premiere.admin@example.test"], env);
    const link = created.stdout.split("\n").find((line) => line.startsWith(`${base}/api/auth/callback/email?`)) ?? "";
    const visitor = await newVisitor("fr-FR");
    await visitor.page.goto(link);
    // The first admin sets up the second factor, then reaches the admin dashboard.
    await visitor.page.waitForURL(/\/second-factor\/enrol/);
    await new AdminSecondFactor(visitor.page).pass("premiere.admin@example.test");
    await visitor.page.waitForURL(`${base}/admin`);
    await visitor.page.getByText("Aucun fournisseur d’e-mail n’est configuré").waitFor();
    await visitor.screenshot("40-admin-no-mail-provider");
    // A full load of the page (the one above may have come with the second factor's answer).
    const loaded = await visitor.page.goto(`${base}/admin`);
    const requestId = (await loaded?.headerValue("x-request-id")) ?? "";
    await visitor.context.close();
    // The web server's line for that page names the signed-in admin (by id, never by email).
    const [admin] = await sql(env.DATABASE_URL ?? "", (db) => db<{ id: string }[]>`select id from users where email = 'premiere.admin@example.test'`);
    await waitUntil("the page's log line", () => output().includes(requestId), 5_000);
    const adminLine = logLines(output()).find((line) => line.requestId === requestId);
    expect(adminLine).toMatchObject({ level: "info", component: "web", method: "GET", path: "/admin", route: "/admin", status: 200, userId: admin?.id });
    expect(output()).not.toContain("premiere.admin@example.test");

    process.kill(next, "SIGKILL");
    expect(await exit).toBe(1);
    expect(output()).toContain("the web process exited (SIGKILL)");
    expect(await listening()).toBe(false);
  });

  it("--web runs no worker; kill -9 of the launcher stops its web process, and nothing listens on the port", async () => {
    const { launcher, next, output } = await startLauncher(["--web"]);
    expect(output()).toContain("web process only, serving");
    const ready = await fetch(`${base}/api/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ db: "ok", migrations: "ok", worker: { status: "none" } });

    launcher.kill("SIGKILL");
    await waitUntil("the web process to stop", () => !pidAlive(next), 15_000);
    await waitUntil("the port to be free", async () => !(await listening()), 5_000);
  });

  it("passes SIGTERM on and exits 0 once its web process has stopped", async () => {
    const { launcher, next, exit } = await startLauncher([]);
    launcher.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(pidAlive(next)).toBe(false);
    expect(await listening()).toBe(false);
  });

  it("watch: X-Request-Id on every answer (a client's own is ignored), one JSON line per request, an error's reference in the log, metrics on 127.0.0.1 behind a token", async () => {
    const metricsPort = await freePort();
    const { launcher, exit, output } = await startLauncher(["--web"], { METRICS_PORT: String(metricsPort), METRICS_TOKEN: "scrape-token-e2e" });

    const page = await fetch(`${base}/signin?callbackUrl=%2Fadmin&token=not-for-logs`, { headers: { "x-request-id": "forged-by-client-123" } });
    const requestId = page.headers.get("x-request-id") ?? "";
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await waitUntil("the access line", () => output().includes(requestId), 5_000);
    const line = logLines(output()).find((entry) => entry.requestId === requestId);
    expect(line).toMatchObject({ level: "info", component: "web", method: "GET", path: "/signin", route: "/signin", status: 200, durationMs: expect.any(Number), time: expect.any(String) });
    expect(output()).not.toContain("not-for-logs");
    expect(output()).not.toContain("forged-by-client-123");

    // An unexpected error: the page shows a short reference, and the log line of that error has it.
    await sql(env.DATABASE_URL ?? "", (db) => db`alter table expert_profiles rename to expert_profiles_away`);
    try {
      const visitor = await newVisitor("fr-FR");
      await visitor.page.goto(`${base}/experts`);
      const shown = (await visitor.page.getByText(/^Référence de l’erreur : /).textContent()) ?? "";
      const reference = shown.replace("Référence de l’erreur : ", "").trim();
      expect(reference).toMatch(/^\w{4,}$/);
      await visitor.screenshot("41-error-reference");
      await visitor.context.close();
      await waitUntil("the error's log line", () => output().includes(reference), 5_000);
      expect(logLines(output()).find((entry) => entry.reference === reference)).toMatchObject({
        level: "error",
        msg: "unexpected error",
        route: "/experts",
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        err: { message: expect.stringContaining("expert_profiles") },
      });
    } finally {
      await sql(env.DATABASE_URL ?? "", (db) => db`alter table expert_profiles_away rename to expert_profiles`);
    }

    const metrics = `http://127.0.0.1:${metricsPort}/metrics`;
    expect((await fetch(metrics)).status).toBe(401);
    const scrape = async () => (await fetch(metrics, { headers: { authorization: "Bearer scrape-token-e2e" } })).text();
    const count = (text: string) => Number(/^compagnon_http_request_duration_seconds_count\{method="GET",route="\/signin",status="200"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    const before = await scrape();
    expect(count(before)).toBeGreaterThanOrEqual(1);
    expect(before).toMatch(/^compagnon_database_up 1$/m);
    expect(before).toMatch(/^compagnon_emails\{status="pending"\} \d+$/m);
    expect(before).toMatch(/^compagnon_stripe_events_waiting 0$/m);
    await (await fetch(`${base}/signin`)).text(); // counted once the answer is sent in full
    await waitUntil("the request to be counted", async () => count(await scrape()) === count(before) + 1, 5_000);
    // Not on the public port, not on another interface.
    expect((await fetch(`${base}/metrics`)).status).not.toBe(200);

    launcher.kill("SIGTERM");
    expect(await exit).toBe(0);
  });
});

describe.skipIf(!e2eEnabled)("npm run demo on a port of one's own", () => {
  it("with no APP_URL, serves its pages at the address it announces (it refused them all with 421); its empty board says nothing is published yet", async () => {
    const demoName = `${name}_demo`;
    await sql(inject("e2eServerUrl"), (db) => db.unsafe(`create database "${demoName}"`));
    try {
      // The demo's own settings: no APP_URL, no secret.
      const { output, exit, launcher } = await startLauncher(["--demo", "--web"], {
        DATABASE_URL: databaseUrl(inject("e2eServerUrl"), demoName),
        APP_URL: undefined,
        ALLOW_INSECURE_APP_URL: undefined,
        AUTH_SECRET: undefined,
      });
      expect(output()).toContain(`demo mode, web process only, serving ${base}`);
      const texts: Record<string, string> = {};
      for (const page of ["/", "/jobs", "/jobs?q=zzyzx", "/offers", "/signin"]) {
        const answer = await fetch(`${base}${page}`);
        expect({ page, status: answer.status }).toEqual({ page, status: 200 });
        texts[page] = await answer.text();
        expect(texts[page]).toContain('<html lang="fr"');
      }
      // A first visitor of a new demo: nothing is published yet, which is not "widen your search".
      expect(texts["/jobs"]).toContain(fr.jobBoard.emptyBoard);
      expect(texts["/jobs"]).not.toContain(fr.jobBoard.empty);
      expect(texts["/jobs?q=zzyzx"]).toContain(fr.jobBoard.empty);
      expect(texts["/offers"]).toContain(fr.offers.emptyCatalogue);
      launcher.kill("SIGTERM");
      expect(await exit).toBe(0);
    } finally {
      await sql(inject("e2eServerUrl"), (db) => db.unsafe(`drop database if exists "${demoName}" with (force)`));
    }
  });
});
