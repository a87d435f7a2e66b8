/**
 * More than one machine, as the README describes it: two web-only processes (`npm start -- --web`,
 * each its own port) and one worker (`npm run worker`) on one database, behind a proxy that
 * alternates between the two web processes (page loads in turn, form posts in turn). One journey
 * crosses them: sign-in by the emailed link (sent by the worker), onboarding, an invitation
 * (another job for the worker), pages; and a sign-in rate limit counted across both processes.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { databaseUrl, freePort } from "@/scripts/lib/embedded-postgres";
import { productionIdentity } from "@/tests/helpers/platform-identity";
import { spawnScript } from "@/tests/helpers/scripts";
import { e2eEnabled, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();


/**
 * The PostgreSQL server the two web processes and the worker share: the e2e server, or the one
 * `E2E_SCALE_OUT_SERVER_URL` names (CI points it at the machine's PostgreSQL 15, the oldest
 * release supported, while the other e2e files run on the embedded one).
 */
function scaleOutServerUrl(): string {
  const override = process.env.E2E_SCALE_OUT_SERVER_URL;
  return override ? databaseUrl(override, "postgres") : inject("e2eServerUrl");
}

const name = `e2e_scale_out_${process.pid}`;
const children: ChildProcess[] = [];
const served: { backend: number; method: string; path: string; document: boolean; session: boolean }[] = [];
let proxy: http.Server | undefined;
let sql: postgres.Sql | undefined;
let base = "";
let dataDir = "";
let webPorts: number[] = [];

/**
 * The reverse proxy: Host passed through; documents, posts and the rest each take the web
 * processes in turn, so that consecutive page loads and consecutive form posts never meet the
 * same process twice in a row.
 */
async function startProxy(backends: number[]): Promise<number> {
  const turns = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const document = req.headers["sec-fetch-dest"] === "document";
    const kind = `${req.method}:${document}`;
    const turn = turns.get(kind) ?? 0;
    turns.set(kind, turn + 1);
    const backend = backends[turn % backends.length] ?? 0;
    served.push({ backend, method: req.method ?? "GET", path: req.url ?? "/", document, session: /authjs\.session-token=/.test(req.headers.cookie ?? "") });
    const upstream = http.request({ host: "127.0.0.1", port: backend, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  proxy = server;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function start(script: string, args: string[], env: Record<string, string>, ready: (output: string) => boolean): Promise<ChildProcess> {
  const child = spawnScript(script, args, env);
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready(output)) resolve(child);
    };
    child.stdout?.on("data", look);
    child.stderr?.on("data", look);
    child.once("exit", (code) => reject(new Error(`${script} ${args.join(" ")} exited (${code}): ${output}`)));
  });
}

async function healthy(port: number) {
  for (let i = 0; i < 240; i++) {
    if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`port ${port} never became healthy`);
}

/** /api/ready asked of one web process directly, with the app's own Host (any other gets 421). */
function readyStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/api/ready", headers: { host: new URL(base).host } }, (answer) => {
      answer.resume();
      resolve(answer.statusCode ?? 0);
    });
    request.on("error", () => resolve(0));
  });
}

/** The newest email to `to` once the worker has handled it (no mail provider: kept, "stored"). */
async function deliveredEmail(to: string, template: string): Promise<string> {
  const db = sql;
  if (!db) throw new Error("no database");
  for (let i = 0; i < 120; i++) {
    const [row] = (await db<{ html: string; status: string }[]>`
      select html, status from email_outbox where to_address = ${to} and template = ${template} order by created_at desc limit 1`);
    if (row?.status === "stored") return row.html;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no ${template} email delivered to ${to}`);
}

const linkIn = (html: string, part: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&")).find((href) => href.includes(part)) ?? "";

beforeAll(async () => {
  if (!e2eEnabled) return;
  const server = postgres(scaleOutServerUrl(), { max: 1, onnotice: () => {} });
  await server.unsafe(`create database "${name}"`);
  await server.end({ timeout: 5 });
  webPorts = [await freePort(), await freePort()];
  base = `http://localhost:${await startProxy(webPorts)}`;
  dataDir = mkdtempSync(path.join(os.tmpdir(), "compagnon-scale-out-"));
  const env = {
    DATABASE_URL: databaseUrl(scaleOutServerUrl(), name),
    APP_URL: base,
    ALLOW_INSECURE_APP_URL: "1",
    AUTH_SECRET: "Vb7+Qw2nLx9pRt4kZs1mHc8yJd3fGe6uNa5oPi0WrTk=",
    ...productionIdentity,
    HOSTNAME: "127.0.0.1",
    COMPAGNON_DATA_DIR: dataDir,
    SIGNIN_LIMIT_PER_EMAIL: "2",
    SIGNIN_LIMIT_PER_IP: "1000",
  };
  sql = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  // Both web processes start at once on the empty database (the migrations' lock lets them).
  const serving = (output: string) => output.includes("web process only, serving");
  await Promise.all(webPorts.map((port) => start("start", ["--web"], { ...env, PORT: String(port) }, serving)));
  await Promise.all(webPorts.map(healthy));
  await start("worker", [], env, (output) => /"component":"worker".*"msg":"running \(/.test(output));
}, 120_000);

afterAll(async () => {
  if (!e2eEnabled) return;
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }),
  );
  await new Promise((resolve) => proxy?.close(resolve));
  await sql?.end({ timeout: 5 });
  const server = postgres(scaleOutServerUrl(), { max: 1, onnotice: () => {} });
  await server.unsafe(`drop database if exists "${name}" with (force)`);
  await server.end({ timeout: 5 });
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!e2eEnabled)("two web processes and one worker on one database", () => {
  it("one journey across both: the emailed link, onboarding, an invitation sent by the worker, pages", async () => {
    // Readiness, asked of each web process: the worker's heartbeat is in the shared database.
    for (const port of webPorts) {
      await expect.poll(() => readyStatus(port), { timeout: 20_000 }).toBe(200);
    }
    const visitor = await newVisitor("en-US");
    const { page } = visitor;
    const email = "scale.out@example.test";
    await page.goto(`${base}/signin?callbackUrl=%2Fdashboard`);
    await page.locator('main input[name="email"]').fill(email);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(/\/signin\/check-email/);
    // Neither web process runs jobs: the worker delivered the email (queued by a web process).
    const signInLink = linkIn(await deliveredEmail(email, "sign-in"), "/api/auth/callback/email");
    expect(signInLink.startsWith(`${base}/api/auth/callback/email?`)).toBe(true);
    await page.goto(signInLink);
    await page.waitForURL(/\/onboarding$/);

    await page.getByLabel("Your full name").fill("Sacha Martin");
    await page.getByLabel("I represent a company").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(/\/onboarding\/organization/);
    await page.getByLabel("Legal name").fill("Atelier Réparti SARL");
    await page.getByLabel("SIREN or SIRET").fill("812 345 676 00009");
    await page.getByLabel("Address", { exact: true }).fill("4 chemin des Artisans");
    await page.getByLabel("Postcode").fill("44000");
    await page.getByLabel("City").fill("Nantes");
    await page.getByRole("button", { name: "Create the organisation" }).click();
    await page.waitForURL(/\/dashboard/);
    await page.getByRole("heading", { name: /Atelier Réparti SARL/ }).waitFor();

    const colleague = "colleague.scale.out@example.test";
    await page.getByLabel(/Colleague.s email address/).fill(colleague);
    await page.getByRole("button", { name: "Send the invitation" }).click();
    await page.getByText(`Invitation sent to ${colleague}.`).waitFor();
    expect(linkIn(await deliveredEmail(colleague, "invitation"), "/invitations/")).toMatch(new RegExp(`^${base}/invitations/`));

    for (let i = 0; i < 3; i++) {
      await page.goto(`${base}/dashboard`);
      await page.getByRole("heading", { name: /Atelier Réparti SARL/ }).waitFor();
    }
    await visitor.context.close();

    // Every page load and every form post went to the other process than the one before, and
    // both processes served the signed-in person.
    const documents = served.filter((r) => r.document);
    const posts = served.filter((r) => r.method === "POST");
    expect(posts.length).toBeGreaterThanOrEqual(4);
    for (const list of [documents, posts]) {
      list.slice(1).forEach((request, i) => expect(request.backend).not.toBe(list[i]?.backend));
    }
    for (const port of webPorts) {
      expect(documents.some((r) => r.backend === port && r.session)).toBe(true);
      expect(posts.some((r) => r.backend === port && r.session)).toBe(true);
    }
  });

  it("counts the sign-in limit across both processes", async () => {
    const visitor = await newVisitor("en-US");
    const ask = async () => {
      await visitor.page.goto(`${base}/signin`);
      await visitor.page.locator('main input[name="email"]').fill("limited.scale.out@example.test");
      await visitor.page.locator('main form button[type="submit"]').click();
    };
    const before = served.filter((r) => r.method === "POST").length;
    for (let i = 0; i < 2; i++) {
      await ask();
      await visitor.page.waitForURL(/\/signin\/check-email/);
    }
    await ask();
    await visitor.page.getByText("Too many link requests for this address or network.", { exact: false }).waitFor();
    const asked = served.filter((r) => r.method === "POST").slice(before);
    expect(new Set(asked.map((r) => r.backend))).toEqual(new Set(webPorts));
    await visitor.context.close();
  });
});
