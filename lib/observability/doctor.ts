import "server-only";
/**
 * The checks of `npm run doctor` (scripts/doctor.ts): each gives one row, ok, warn or fail, with
 * what to do when it is not ok. Reads the raw environment (after .env), never prints a secret.
 */
import { randomBytes } from "node:crypto";
import { rm, statfs, writeFile } from "node:fs/promises";
import path from "node:path";
import { AwsClient } from "aws4fetch";
import { mkdirPrivate } from "@/lib/storage/private-dir";
import type postgres from "postgres";
import journal from "@/db/migrations/meta/_journal.json";
import { runtimeRoleProblems } from "@/db/roles";
import { checkProductionConfig, type RawEnv } from "@/lib/config/production-checks";
import { DEAD_AFTER_SECONDS } from "@/lib/background/heartbeat";

export type Status = "ok" | "warn" | "fail";

export interface Row {
  status: Status;
  check: string;
  detail: string;
  /** What to do, for a warning or a failure. */
  fix?: string;
}

const ok = (check: string, detail: string): Row => ({ status: "ok", check, detail });
const warn = (check: string, detail: string, fix: string): Row => ({ status: "warn", check, detail, fix });
const fail = (check: string, detail: string, fix: string): Row => ({ status: "fail", check, detail, fix });

/** Oldest supported PostgreSQL (CI runs 15, the compose file 17). */
export const MIN_POSTGRES_MAJOR = 15;
/** Free space under which the data folder is a warning, and a failure. */
export const DISK_WARN_BYTES = 2 * 1024 ** 3;
export const DISK_FAIL_BYTES = 200 * 1024 ** 2;
/** Clock difference with the database that is a warning, and a failure (sign-in links, sessions and job schedules rely on it). */
export const CLOCK_WARN_MS = 1000;
export const CLOCK_FAIL_MS = 5000;

const headMigration = Math.max(...journal.entries.map((entry) => entry.when));

function defined(raw: RawEnv): RawEnv {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ""));
}

export function configurationRows(raw: RawEnv): Row[] {
  const { problems } = checkProductionConfig(raw);
  if (problems.length === 0) return [ok("configuration", "DATABASE_URL, APP_URL, AUTH_SECRET and the platform's identity are set")];
  return problems.map((problem) => {
    const cut = problem.indexOf(": ");
    return cut === -1 ? fail("configuration", problem, "see .env.example and README, Production") : fail("configuration", problem.slice(0, cut), problem.slice(cut + 2));
  });
}

export function mailRows(raw: RawEnv): Row[] {
  const env = defined(raw);
  if (!env.RESEND_API_KEY) {
    return [warn("mail", "no mail provider: emails (sign-in links included) stay in the outbox", "set RESEND_API_KEY (and EMAIL_FROM on a domain verified at Resend)")];
  }
  if (!env.RESEND_API_KEY.startsWith("re_")) return [fail("mail", "RESEND_API_KEY does not look like a Resend key (re_…)", "copy the API key from resend.com → API Keys")];
  const from = env.EMAIL_FROM ?? "";
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address) || /\.localhost$/i.test(address)) {
    return [fail("mail", `EMAIL_FROM is ${from ? `"${from}"` : "not set"}: mail would leave from an address no provider accepts`, 'set EMAIL_FROM="Compagnon <no-reply@your-domain>" on a domain verified at Resend')];
  }
  return [ok("mail", `Resend, from ${address}`)];
}

export function stripeRows(raw: RawEnv): Row[] {
  const env = defined(raw);
  const key = env.STRIPE_SECRET_KEY;
  if (!key) return [warn("stripe", "no STRIPE_SECRET_KEY: payments run in test mode, no real money moves", "set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (README, Production)")];
  const rows: Row[] = [];
  const mode = /^(?:sk|rk)_(live|test)_[A-Za-z0-9]+$/.exec(key)?.[1];
  if (!mode) rows.push(fail("stripe", "STRIPE_SECRET_KEY is not a Stripe secret key (sk_live_…, sk_test_…, or a restricted rk_…)", "copy the secret key from the Stripe dashboard → Developers → API keys"));
  else if (mode === "test") rows.push(warn("stripe", "STRIPE_SECRET_KEY is a test key: no real money moves", "use the live key (sk_live_…) once the Stripe account is activated"));
  else rows.push(ok("stripe", "live secret key"));
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret) rows.push(fail("stripe webhook", "STRIPE_WEBHOOK_SECRET is not set: payment events would be refused", "add the endpoint APP_URL/api/stripe/webhook in Stripe → Webhooks and copy its signing secret (whsec_…)"));
  // Two secrets, comma-separated, while one is rotated (README, Rotating secrets).
  else if (!secret.split(",").every((one) => /^whsec_[A-Za-z0-9+/=]+$/.test(one.trim()))) rows.push(fail("stripe webhook", "STRIPE_WEBHOOK_SECRET is not a webhook signing secret (whsec_…)", "copy the signing secret of the endpoint APP_URL/api/stripe/webhook from Stripe → Webhooks"));
  else rows.push(ok("stripe webhook", "signing secret set"));
  return rows;
}

/** Database reachability and version, migrations at head, worker heartbeat, clock, queues. */
export async function databaseRows(sql: postgres.Sql): Promise<Row[]> {
  const sentAt = Date.now();
  let info: { version: number; text: string; now: Date };
  try {
    const [row] = await sql<{ version: number; text: string; now: Date }[]>`
      select current_setting('server_version_num')::int as version, current_setting('server_version') as text, clock_timestamp() as now`;
    if (!row) throw new Error("no answer");
    info = row;
  } catch (error) {
    return [
      fail("database", `unreachable: ${error instanceof Error ? error.message : String(error)}`, "check DATABASE_URL (host, port, user, password, database) and that PostgreSQL runs and accepts this host (pg_hba.conf)"),
    ];
  }
  const receivedAt = Date.now();
  const rows: Row[] = [];
  const major = Math.floor(info.version / 10000);
  rows.push(
    major >= MIN_POSTGRES_MAJOR
      ? ok("database", `PostgreSQL ${info.text}`)
      : fail("database", `PostgreSQL ${info.text} is too old (${MIN_POSTGRES_MAJOR} or later)`, `upgrade PostgreSQL to ${MIN_POSTGRES_MAJOR} or later (17 recommended)`),
  );

  const skew = info.now.getTime() - (sentAt + receivedAt) / 2;
  const skewText = `${skew >= 0 ? "+" : ""}${(skew / 1000).toFixed(2)} s from the database`;
  const clockFix = "synchronise both machines' clocks (timedatectl set-ntp true; chrony or systemd-timesyncd)";
  rows.push(Math.abs(skew) > CLOCK_FAIL_MS ? fail("clock", skewText, clockFix) : Math.abs(skew) > CLOCK_WARN_MS ? warn("clock", skewText, clockFix) : ok("clock", skewText));

  const [state] = await sql<{ applied: string | null; queue: boolean; age: number | null; host: string | null }[]>`
    select
      (select max(created_at)::text from drizzle.__drizzle_migrations) as applied,
      to_regclass('graphile_worker.jobs') is not null as queue,
      (select extract(epoch from now() - max(beat_at))::float8 from worker_heartbeats) as age,
      (select hostname from worker_heartbeats order by beat_at desc limit 1) as host`.catch(() => [undefined]);
  const migrateFix = "run `npm run db:migrate` with this build (or restart `npm start`, which migrates)";
  if (!state?.applied) rows.push(fail("migrations", "the database has no Compagnon schema", migrateFix));
  else if (Number(state.applied) < headMigration) rows.push(fail("migrations", "the database is behind this build", migrateFix));
  else if (Number(state.applied) > headMigration) rows.push(warn("migrations", "the database has migrations this build does not know", "deploy the newer build this database was migrated with"));
  else if (!state.queue) rows.push(fail("migrations", "the job queue's schema (graphile_worker) is missing", migrateFix));
  else rows.push(ok("migrations", "at this build's head"));

  // The app must not be able to rewrite its own records (issue: tamper-evident invoices).
  if (state?.applied) {
    const problems = await runtimeRoleProblems(sql).catch((error: unknown) => [`cannot read the role's rights: ${error instanceof Error ? error.message : String(error)}`]);
    rows.push(
      problems.length
        ? fail("database role", problems.join("; "), "create the role compagnon_app, set it in DATABASE_URL and the owner in DATABASE_OWNER_URL, then run `npm run db:migrate` (README, \"Production\")")
        : ok("database role", "the app's role owns nothing and cannot rewrite invoices, the ledger or the counters"),
    );
  }

  const workerFix = "start the worker: `npm start` runs it beside the web process, or `npm run worker` (systemctl status compagnon-worker; journalctl -u compagnon-worker)";
  if (state?.age === null || state?.age === undefined) rows.push(fail("worker", "no worker heartbeat: no worker has ever run on this database", workerFix));
  else if (state.age > DEAD_AFTER_SECONDS) rows.push(fail("worker", `last heartbeat ${Math.round(state.age)} s ago${state.host ? ` (from ${state.host})` : ""}: no worker is running`, workerFix));
  else rows.push(ok("worker", `heartbeat ${Math.round(state.age)} s ago${state.host ? ` from ${state.host}` : ""}`));

  const [queues] = await sql<{ failedJobs: number; oldEmails: number; oldEvents: number }[]>`
    select
      (select count(*)::int from graphile_worker.jobs where attempts >= max_attempts) as "failedJobs",
      (select count(*)::int from email_outbox where status = 'pending' and created_at < now() - interval '15 minutes') as "oldEmails",
      (select count(*)::int from stripe_events where processed_at is null and received_at < now() - interval '10 minutes') as "oldEvents"`.catch(() => [undefined]);
  if (queues) {
    const stuck = [
      queues.failedJobs ? `${queues.failedJobs} failed job(s)` : "",
      queues.oldEmails ? `${queues.oldEmails} email(s) pending for over 15 minutes` : "",
      queues.oldEvents ? `${queues.oldEvents} Stripe event(s) waiting for over 10 minutes` : "",
    ].filter(Boolean);
    rows.push(stuck.length ? warn("queues", stuck.join(", "), "see the admin page \"Tâches de fond\" and the worker's log lines (level error)") : ok("queues", "no failed job, no email or Stripe event waiting long"));
  }
  return rows;
}

/** Uploads: the S3 bucket takes a write and a delete, or the data folder is writable with room left. */
export async function storageRows(raw: RawEnv): Promise<Row[]> {
  const env = defined(raw);
  const probe = `doctor-probe-${randomBytes(6).toString("hex")}`;
  if (env.S3_BUCKET) {
    const endpoint = (env.S3_ENDPOINT ?? "https://s3.amazonaws.com").replace(/\/+$/, "");
    const client = new AwsClient({ accessKeyId: env.S3_ACCESS_KEY_ID ?? "", secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? "", service: "s3", region: env.S3_REGION ?? "us-east-1" });
    const url = `${endpoint}/${encodeURIComponent(env.S3_BUCKET)}/${probe}`;
    const fix = "check S3_ENDPOINT, S3_BUCKET, S3_REGION and that the access key may put and delete objects in the bucket";
    try {
      const put = await client.fetch(url, { method: "PUT", body: "doctor", signal: AbortSignal.timeout(10_000) });
      if (!put.ok) return [fail("storage", `S3 bucket ${env.S3_BUCKET}: writing an object answered HTTP ${put.status}`, fix)];
      const removed = await client.fetch(url, { method: "DELETE", signal: AbortSignal.timeout(10_000) });
      if (!removed.ok && removed.status !== 404) return [fail("storage", `S3 bucket ${env.S3_BUCKET}: deleting an object answered HTTP ${removed.status}`, fix)];
      return [ok("storage", `S3 bucket ${env.S3_BUCKET} at ${new URL(endpoint).host}: write and delete work`)];
    } catch (error) {
      return [fail("storage", `S3 endpoint unreachable: ${error instanceof Error ? error.message : String(error)}`, fix)];
    }
  }
  const dataDir = path.resolve(env.COMPAGNON_DATA_DIR ?? ".data");
  const uploads = path.join(dataDir, "uploads");
  const fix = `give the service user a writable COMPAGNON_DATA_DIR (now ${dataDir}) on a disk with room, or set S3_BUCKET`;
  try {
    await mkdirPrivate(uploads, dataDir);
    await writeFile(path.join(uploads, probe), "doctor", { mode: 0o600 });
    await rm(path.join(uploads, probe), { force: true });
  } catch (error) {
    return [fail("storage", `${uploads} is not writable: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, fix)];
  }
  const stats = await statfs(dataDir);
  const free = stats.bavail * stats.bsize;
  const freeText = `${(free / 1024 ** 3).toFixed(1)} GiB free in ${dataDir}`;
  if (free < DISK_FAIL_BYTES) return [fail("storage", freeText, fix)];
  if (free < DISK_WARN_BYTES) return [warn("storage", freeText, "free some space or grow the disk (uploads, backups and PostgreSQL grow)")];
  return [ok("storage", freeText)];
}

const MARK: Record<Status, string> = { ok: "✓", warn: "⚠", fail: "✗" };

/** The table, then what to do for each ✗ and ⚠. */
export function formatReport(rows: Row[]): string {
  const width = Math.max(...rows.map((row) => row.check.length));
  const lines = rows.map((row) => `${MARK[row.status]}  ${row.check.padEnd(width)}  ${row.detail}`);
  const todo = rows.filter((row) => row.fix);
  if (todo.length > 0) lines.push("", "What to do:", ...todo.map((row) => `${MARK[row.status]}  ${row.detail} → ${row.fix}`));
  const failures = rows.filter((row) => row.status === "fail").length;
  const warnings = rows.filter((row) => row.status === "warn").length;
  lines.push("", failures ? `${failures} problem(s) to fix${warnings ? `, ${warnings} warning(s)` : ""}.` : warnings ? `No problem; ${warnings} warning(s).` : "All good.");
  return lines.join("\n");
}
