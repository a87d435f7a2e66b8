import type { ChildProcess } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { sendEmail } from "@/lib/email/send-email";
import { startFakeResend } from "@/tests/helpers/fake-resend";
import { productionIdentity } from "@/tests/helpers/platform-identity";
import { spawnScript } from "@/tests/helpers/scripts";

const resend = await startFakeResend();
let worker: ChildProcess | undefined;
afterAll(async () => {
  if (worker && worker.exitCode === null && worker.signalCode === null) {
    const exited = new Promise((resolve) => worker?.once("exit", resolve));
    worker.kill("SIGTERM");
    await exited;
  }
  await resend.close();
});

describe("the worker's log", () => {
  it("is JSON, one info line per job with task, id, attempt, duration and outcome; a job out of attempts is an error line; no address, no payload", { timeout: 90_000 }, async () => {
    await db.transaction((tx) =>
      sendEmail(tx, {
        template: "sign-in",
        to: "claire@example.test",
        props: { locale: "fr", url: "https://compagnon.example.fr/api/auth/callback/email?token=tok-in-payload&email=claire%40example.test", expiresInMinutes: 30 },
        idempotencyKey: "sign-in:worker-log",
      }),
    );
    await db.execute(sql`select graphile_worker.add_job('deliver_email', '{"outboxId":"not-a-uuid"}'::json, max_attempts := 1)`);

    worker = spawnScript("worker", [], {
      DATABASE_URL: process.env.DATABASE_URL,
      APP_URL: "https://compagnon.example.fr",
      AUTH_SECRET: "3q2+7w8xN0vY5bZ4mKcP1sRt6uW9eL+gHhJiDoFaQkE=",
      ...productionIdentity,
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: resend.url,
      COMPAGNON_DATA_DIR: process.env.COMPAGNON_DATA_DIR,
      LOG_LEVEL: "info",
    });
    let output = "";
    worker.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const lines = () =>
      output
        .split("\n")
        .filter((line) => line.startsWith("{") && line.endsWith("}"))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    const jobLines = () => lines().filter((line) => line.outcome !== undefined);
    const deadline = Date.now() + 60_000;
    while (jobLines().length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));

    // Every line is JSON but the configuration check's, printed before anything starts.
    // Only the start's configuration warnings are plain lines (the tests' database has one role).
    expect(output.trim().split("\n").filter((line) => !line.startsWith("{"))).toEqual([
      expect.stringMatching(/^\[worker\] WARNING: DATABASE_OWNER_URL is not set/),
      expect.stringMatching(/^\[worker\] WARNING: STRIPE_SECRET_KEY is not set/),
    ]);
    const [done, failed] = [jobLines().find((line) => line.outcome === "success"), jobLines().find((line) => line.outcome === "failed")];
    expect(done).toMatchObject({ level: "info", component: "worker", task: "deliver_email", jobId: expect.any(String), attempt: 1, maxAttempts: expect.any(Number), durationMs: expect.any(Number), time: expect.any(String) });
    expect(failed).toMatchObject({ level: "error", task: "deliver_email", attempt: 1, maxAttempts: 1, outcome: "failed", err: { message: expect.any(String) } });
    expect(output).not.toContain("claire@example.test");
    expect(output).not.toContain("tok-in-payload");
    expect(resend.requests).toHaveLength(1);
  });
});
