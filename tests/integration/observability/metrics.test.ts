import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, sqlClient } from "@/db/client";
import { createMetrics } from "@/lib/observability/metrics";
import { metricsOptionsFromEnv, startMetricsServer } from "@/lib/observability/metrics-server";

const metrics = createMetrics({ sql: sqlClient, poolMax: 7 });
let server: Server;
let url = "";

beforeAll(async () => {
  server = await startMetricsServer(metrics.registry, { port: 0, token: "scrape-token-123" });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function scrape(): Promise<string> {
  const response = await fetch(url, { headers: { authorization: "Bearer scrape-token-123" } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return response.text();
}

/** The value of one series (`name{labels}`), or undefined when absent. */
function value(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("the metrics endpoint", () => {
  it("listens on 127.0.0.1 and wants the bearer token when one is set", async () => {
    expect((server.address() as AddressInfo).address).toBe("127.0.0.1");
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: "Bearer wrong-token-12" } })).status).toBe(401);
    expect((await fetch(url.replace("/metrics", "/other"))).status).toBe(404);
  });

  it("reads METRICS_PORT, METRICS_HOST and METRICS_TOKEN; off without a port", () => {
    expect(metricsOptionsFromEnv({})).toBeNull();
    expect(metricsOptionsFromEnv({ METRICS_PORT: "9464" })).toEqual({ port: 9464, host: "127.0.0.1", token: undefined });
    expect(metricsOptionsFromEnv({ METRICS_PORT: "9464", METRICS_HOST: "10.0.0.2", METRICS_TOKEN: "t" })).toEqual({ port: 9464, host: "10.0.0.2", token: "t" });
    expect(() => metricsOptionsFromEnv({ METRICS_PORT: "nine" })).toThrow(/METRICS_PORT/);
  });

  it("counts requests by route pattern, and reads the queue, the outbox and the Stripe events at each scrape", async () => {
    const before = await scrape();
    expect(value(before, "compagnon_database_up")).toBe(1);
    expect(value(before, "compagnon_database_pool_max")).toBe(7);
    expect(value(before, 'compagnon_emails{status="pending"}')).toBe(0);
    expect(value(before, "compagnon_stripe_events_waiting")).toBe(0);
    expect(value(before, 'compagnon_jobs{task="deliver_email",state="waiting"}')).toBeUndefined();
    expect(before).toContain("process_resident_memory_bytes");
    expect(before).toMatch(/compagnon_database_connections\{state="active"\} [1-9]/);

    metrics.observeRequest({ method: "GET", route: "/contracts/[id]", status: 200 }, 0.042);
    metrics.observeRequest({ method: "BREW", route: "/contracts/[id]", status: 200 }, 0.042);
    await db.execute(sql`
      insert into email_outbox (idempotency_key, template, locale, to_address, subject, html, text)
      values ('metrics-test', 'sign-in', 'fr', 'claire@example.test', 'Connexion', '<p>x</p>', 'x')`);
    await db.execute(sql`select graphile_worker.add_job('deliver_email', '{"outboxId":"x"}'::json)`);
    await db.execute(sql`select graphile_worker.add_job('process_stripe_event', '{}'::json, max_attempts := 1)`);
    await db.execute(sql`update graphile_worker._private_jobs set attempts = 1, last_error = 'boom' where task_id = (select id from graphile_worker._private_tasks where identifier = 'process_stripe_event')`);
    await db.execute(sql`select graphile_worker.add_job('send_refund', '{}'::json, max_attempts := 5)`);
    await db.execute(sql`update graphile_worker._private_jobs set attempts = 1, run_at = now() + interval '1 minute' where task_id = (select id from graphile_worker._private_tasks where identifier = 'send_refund')`);
    await db.execute(sql`insert into stripe_events (id, type, livemode, payload) values ('evt_metrics', 'checkout.session.completed', false, '{}')`);
    await new Promise((resolve) => setTimeout(resolve, 600)); // past the shared read's half-second cache

    const after = await scrape();
    expect(value(after, 'compagnon_http_request_duration_seconds_count{method="GET",route="/contracts/[id]",status="200"}')).toBe(1);
    expect(value(after, 'compagnon_http_request_duration_seconds_count{method="OTHER",route="/contracts/[id]",status="200"}')).toBe(1);
    expect(value(after, 'compagnon_http_request_duration_seconds_bucket{le="0.05",method="GET",route="/contracts/[id]",status="200"}')).toBe(1);
    expect(value(after, 'compagnon_emails{status="pending"}')).toBe(1);
    expect(value(after, 'compagnon_jobs{task="deliver_email",state="waiting"}')).toBe(1);
    expect(value(after, 'compagnon_jobs{task="process_stripe_event",state="failed"}')).toBe(1);
    expect(value(after, 'compagnon_jobs{task="send_refund",state="retrying"}')).toBe(1);
    expect(value(after, "compagnon_stripe_events_waiting")).toBe(1);
    expect(after).not.toContain("claire@example.test");
  });
});
