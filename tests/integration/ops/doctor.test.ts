import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_RUNTIME_ROLE, urlAsRole } from "@/db/roles";
import { db } from "@/db/client";
import { startFakeS3 } from "@/tests/helpers/fake-s3";
import { productionIdentity } from "@/tests/helpers/platform-identity";
import { runScript } from "@/tests/helpers/scripts";

/** `npm run doctor` reads .env from its working directory, like every entry point. */
const cwd = mkdtempSync(path.join(os.tmpdir(), "compagnon-doctor-"));
const s3 = await startFakeS3();
afterAll(async () => {
  rmSync(cwd, { recursive: true, force: true });
  await s3.close();
});

/** The app connects as the role that owns nothing (the tests' template grants it). */
const good = {
  DATABASE_URL: urlAsRole(process.env.DATABASE_URL ?? "", DEFAULT_RUNTIME_ROLE, inject("testRuntimePassword")),
  APP_URL: "https://compagnon.example.fr",
  AUTH_SECRET: "3q2+7w8xN0vY5bZ4mKcP1sRt6uW9eL+gHhJiDoFaQkE=",
  ...productionIdentity,
  RESEND_API_KEY: "re_live_key_123",
  EMAIL_FROM: "Compagnon <no-reply@compagnon.example.fr>",
  STRIPE_SECRET_KEY: "sk_live_51Abc",
  STRIPE_WEBHOOK_SECRET: "whsec_abc123",
  S3_BUCKET: "compagnon-files",
  S3_ENDPOINT: s3.url,
  S3_ACCESS_KEY_ID: "AKIDEXAMPLE",
  S3_SECRET_ACCESS_KEY: "secret-example",
};

function dotEnv(values: Record<string, string>): void {
  writeFileSync(path.join(cwd, ".env"), Object.entries(values).map(([key, value]) => `${key}=${value}`).join("\n"));
}

/** The rows of the table: mark, check, detail. */
function rows(stdout: string): { mark: string; check: string; detail: string }[] {
  const table = stdout.split("\n\n")[0] ?? "";
  return table.split("\n").map((line) => {
    const [, mark = "", check = "", detail = ""] = /^(✓|⚠|✗) {2}(\S+(?: \S+)?) +(.*)$/.exec(line) ?? [];
    return { mark, check, detail };
  });
}

beforeAll(async () => {
  await db.execute(sql`insert into worker_heartbeats (worker_id, hostname, pid) values ('worker-doctor', 'vps-1', 42)`);
});

describe("npm run doctor", () => {
  it("with a good .env, a live worker and a reachable bucket: every row ✓, exit code 0, no secret printed", { timeout: 60_000 }, async () => {
    dotEnv(good);
    const { code, stdout, stderr } = await runScript("doctor", [], {}, cwd);
    expect(stderr).toBe("");
    expect(rows(stdout)).toEqual([
      { mark: "✓", check: "configuration", detail: expect.any(String) },
      { mark: "✓", check: "database", detail: expect.stringMatching(/^PostgreSQL 1[5-9]/) },
      { mark: "✓", check: "clock", detail: expect.stringMatching(/s from the database$/) },
      { mark: "✓", check: "migrations", detail: "at this build's head" },
      { mark: "✓", check: "database role", detail: "the app's role owns nothing and cannot rewrite invoices, the ledger or the counters" },
      { mark: "✓", check: "worker", detail: expect.stringMatching(/^heartbeat \d+ s ago from vps-1$/) },
      { mark: "✓", check: "queues", detail: expect.any(String) },
      { mark: "✓", check: "mail", detail: "Resend, from no-reply@compagnon.example.fr" },
      { mark: "✓", check: "stripe", detail: "live secret key" },
      { mark: "✓", check: "stripe webhook", detail: "signing secret set" },
      { mark: "✓", check: "storage", detail: expect.stringMatching(/^S3 bucket compagnon-files at 127\.0\.0\.1:\d+: write and delete work$/) },
    ]);
    expect(stdout).toContain("All good.");
    expect(code).toBe(0);
    // The probe object was written with a signed request, then deleted.
    expect(s3.authorizations.some((header) => header.startsWith("AWS4-HMAC-SHA256"))).toBe(true);
    expect(s3.objects.size).toBe(0);
    for (const secret of [good.AUTH_SECRET, good.RESEND_API_KEY, good.STRIPE_SECRET_KEY, good.STRIPE_WEBHOOK_SECRET, "secret-example"]) {
      expect(stdout).not.toContain(secret);
    }
  });

  it("with bad settings, a dead worker and a database behind: a ✗ per problem with what to do, exit code 1", { timeout: 60_000 }, async () => {
    await db.execute(sql`update worker_heartbeats set beat_at = now() - interval '5 minutes'`);
    const [last] = await db.execute<{ id: number; hash: string; created_at: string }>(sql`select id, hash, created_at::text from drizzle.__drizzle_migrations order by created_at desc limit 1`);
    await db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${last?.id}`);
    await db.execute(sql`select graphile_worker.add_job('deliver_email', '{}'::json, max_attempts := 1)`);
    await db.execute(sql`update graphile_worker._private_jobs set attempts = 1`);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "compagnon-doctor-data-"));
    try {
      dotEnv({
        ...good,
        // The superuser the tests' database belongs to: the app could rewrite its invoices.
        DATABASE_URL: process.env.DATABASE_URL ?? "",
        AUTH_SECRET: "too-short",
        RESEND_API_KEY: "",
        STRIPE_SECRET_KEY: "sk_test_51Abc",
        STRIPE_WEBHOOK_SECRET: "wh_not_a_secret",
        S3_BUCKET: "",
        COMPAGNON_DATA_DIR: dataDir,
      });
      const { code, stdout } = await runScript("doctor", [], {}, cwd);
      expect(code).toBe(1);
      const table = rows(stdout);
      expect(table).toContainEqual({ mark: "✗", check: "configuration", detail: "AUTH_SECRET is too short (9 characters, at least 32)" });
      expect(table).toContainEqual({ mark: "✗", check: "migrations", detail: "the database is behind this build" });
      expect(table).toContainEqual({ mark: "✗", check: "database role", detail: expect.stringMatching(/a superuser: it could TRUNCATE invoices/) });
      expect(table).toContainEqual({ mark: "✗", check: "worker", detail: expect.stringMatching(/^last heartbeat 30\d s ago \(from vps-1\): no worker is running$/) });
      expect(table).toContainEqual({ mark: "⚠", check: "queues", detail: "1 failed job(s)" });
      expect(table).toContainEqual({ mark: "⚠", check: "mail", detail: expect.stringMatching(/^no mail provider/) });
      expect(table).toContainEqual({ mark: "⚠", check: "stripe", detail: "STRIPE_SECRET_KEY is a test key: no real money moves" });
      expect(table).toContainEqual({ mark: "✗", check: "stripe webhook", detail: "STRIPE_WEBHOOK_SECRET is not a webhook signing secret (whsec_…)" });
      expect(table).toContainEqual({ mark: "✓", check: "storage", detail: expect.stringMatching(/GiB free in .*compagnon-doctor-data-/) });
      const todo = stdout.split("What to do:\n")[1] ?? "";
      expect(todo).toContain("✗  AUTH_SECRET is too short (9 characters, at least 32) → generate one with `openssl rand -base64 33`");
      expect(todo).toContain("✗  the database is behind this build → run `npm run db:migrate`");
      expect(todo).toContain("no worker is running → start the worker");
      expect(todo).toContain("Stripe → Webhooks");
      expect(stdout).toMatch(/5 problem\(s\) to fix, 3 warning\(s\)\.$/m);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${last?.hash}, ${last?.created_at}::bigint)`);
    }
  });

  it("with the database out of reach and the bucket refusing: ✗ database and ✗ storage, exit code 1", { timeout: 60_000 }, async () => {
    dotEnv({ ...good, DATABASE_URL: "postgres://nobody:wrong@127.0.0.1:1/none", S3_ACCESS_KEY_ID: "", S3_SECRET_ACCESS_KEY: "" });
    const { code, stdout } = await runScript("doctor", [], { S3_BUCKET: "compagnon-files", S3_ENDPOINT: "http://127.0.0.1:1" }, cwd);
    expect(code).toBe(1);
    expect(rows(stdout)).toContainEqual({ mark: "✗", check: "database", detail: expect.stringMatching(/^unreachable: /) });
    expect(rows(stdout)).toContainEqual({ mark: "✗", check: "storage", detail: expect.stringMatching(/^S3 endpoint unreachable/) });
    expect(stdout).toContain("→ check DATABASE_URL");
    expect(stdout).not.toContain("wrong@");
  });
});
