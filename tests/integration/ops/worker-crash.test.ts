import type { ChildProcess } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { sendEmail } from "@/lib/email/send-email";
import { startFakeResend } from "@/tests/helpers/fake-resend";
import { spawnScript } from "@/tests/helpers/scripts";
import { productionIdentity } from "@/tests/helpers/platform-identity";

const resend = await startFakeResend();
const workers: ChildProcess[] = [];

const productionEnv = {
  DATABASE_URL: process.env.DATABASE_URL,
  APP_URL: "https://compagnon.example.fr",
  AUTH_SECRET: "3q2+7w8xN0vY5bZ4mKcP1sRt6uW9eL+gHhJiDoFaQkE=",
  ...productionIdentity,
  RESEND_API_KEY: "re_test_key",
  RESEND_BASE_URL: resend.url,
  COMPAGNON_DATA_DIR: process.env.COMPAGNON_DATA_DIR,
};

/** A real `npm run worker` process; resolves once its workers are running (their ids). */
async function startWorkerProcess(): Promise<{ child: ChildProcess; ids: string[] }> {
  const child = spawnScript("worker", [], productionEnv);
  workers.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const running = output.match(/"component":"worker".*"msg":"running \(([^)]+)\)"/);
      if (running?.[1]) resolve({ child, ids: running[1].split(", ") });
    });
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`worker exited (${code}): ${output}`)));
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

afterAll(async () => {
  for (const child of workers) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  }
  await resend.close();
});

describe("a worker killed while it holds a job", () => {
  it("leaves it to another worker within a minute: the sign-in email is sent all the same", { timeout: 180_000 }, async () => {
    resend.hangNext(1);
    const first = await startWorkerProcess();
    const { id } = await db.transaction((tx) =>
      sendEmail(tx, {
        template: "sign-in",
        to: "claire@example.test",
        props: { locale: "fr", url: "https://compagnon.example.fr/api/auth/callback/email?token=t&email=claire%40example.test", expiresInMinutes: 30 },
        idempotencyKey: "sign-in:worker-crash",
      }),
    );
    // The first worker is in the middle of the call to Resend, holding the job.
    await waitFor("the first delivery attempt", async () => resend.requests.length === 1, 30_000);
    const [locked] = await db.execute<{ lockedBy: string | null }>(sql`select locked_by as "lockedBy" from graphile_worker.jobs`);
    expect(first.ids).toContain(locked?.lockedBy);

    const second = await startWorkerProcess();
    first.child.kill("SIGKILL");
    const killedAt = Date.now();

    await waitFor(
      "the email to be sent by the second worker",
      async () => (await db.query.emailOutbox.findFirst({ where: eq(emailOutbox.id, id) }))?.status === "sent",
      60_000,
    );
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    expect(resend.requests).toHaveLength(2);
    expect(resend.requests[1]?.headers["idempotency-key"]).toBe(resend.requests[0]?.headers["idempotency-key"]);
    expect(await db.execute(sql`select 1 from graphile_worker.jobs`)).toHaveLength(0);
    expect(second.child.exitCode).toBeNull();
  });
});
