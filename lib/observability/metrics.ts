import "server-only";
/**
 * Prometheus metrics of the web process (prom-client), served on a port of their own
 * (lib/observability/metrics-server.ts). Two kinds:
 * - measured by this process: HTTP request durations by route pattern (never by raw path: ids
 *   would make the label set unbounded), Node.js's process metrics (memory, event loop, GC);
 * - read from the database at each scrape, so they are the same whichever web process answers
 *   and whether the worker runs in `npm start` or as `npm run worker`: jobs waiting, running and
 *   failed by task (graphile-worker), emails pending and failed (email_outbox), Stripe events
 *   received but not processed (stripe_events), the freshest worker heartbeat, and the
 *   database's connections by state (the pool's use, seen from PostgreSQL).
 */
import type postgres from "postgres";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export interface AppMetrics {
  registry: Registry;
  /** Records one answered HTTP request. */
  observeRequest: (labels: { method: string; route: string; status: number }, seconds: number) => void;
}

interface DatabaseSnapshot {
  jobs: { task: string; state: string; count: number }[];
  emails: { status: string; count: number }[];
  stripeWaiting: number;
  stripeOldestSeconds: number;
  heartbeatAgeSeconds: number | null;
  connections: { state: string; count: number }[];
}

/** Methods a browser or client may use; anything else is counted as OTHER. */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

async function readDatabase(sql: postgres.Sql): Promise<DatabaseSnapshot> {
  const [jobs, emails, stripe, beats, connections] = await Promise.all([
    sql<{ task: string; state: string; count: number }[]>`
      select task_identifier as task,
        case
          when attempts >= max_attempts then 'failed'
          when locked_at is not null then 'running'
          when attempts > 0 then 'retrying'
          when run_at > now() then 'scheduled'
          else 'waiting'
        end as state,
        count(*)::int as count
      from graphile_worker.jobs
      group by 1, 2`,
    sql<{ status: string; count: number }[]>`select status::text, count(*)::int as count from email_outbox where status in ('pending', 'failed') group by 1`,
    sql<{ waiting: number; oldest: number }[]>`
      select count(*)::int as waiting, coalesce(extract(epoch from now() - min(received_at)), 0)::float8 as oldest
      from stripe_events where processed_at is null`,
    sql<{ age: number | null }[]>`select extract(epoch from now() - max(beat_at))::float8 as age from worker_heartbeats`,
    sql<{ state: string; count: number }[]>`
      select coalesce(state, 'unknown') as state, count(*)::int as count
      from pg_stat_activity where datname = current_database() and backend_type = 'client backend' group by 1`,
  ]);
  return {
    jobs: [...jobs],
    emails: [...emails],
    stripeWaiting: stripe[0]?.waiting ?? 0,
    stripeOldestSeconds: stripe[0]?.oldest ?? 0,
    heartbeatAgeSeconds: beats[0]?.age ?? null,
    connections: [...connections],
  };
}

export function createMetrics(options: { sql?: () => postgres.Sql; poolMax?: number } = {}): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Histogram({
    name: "compagnon_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method, route pattern (/contracts/[id]) and status code.",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  // One read of the database per scrape, shared by the gauges below.
  let pending: Promise<DatabaseSnapshot | null> | null = null;
  const scrapeErrors = new Counter({
    name: "compagnon_metrics_database_errors_total",
    help: "Scrapes whose database read failed (the database gauges are then absent).",
    registers: [registry],
  });
  const snapshot = (): Promise<DatabaseSnapshot | null> => {
    const connect = options.sql;
    if (!connect) return Promise.resolve(null);
    pending ??= readDatabase(connect())
      .catch(() => {
        scrapeErrors.inc();
        return null;
      })
      .finally(() => setTimeout(() => (pending = null), 500).unref());
    return pending;
  };

  new Gauge({
    name: "compagnon_database_up",
    help: "1 when the database answered the last scrape's queries, 0 otherwise.",
    registers: [registry],
    async collect() {
      this.set((await snapshot()) ? 1 : 0);
    },
  });
  new Gauge({
    name: "compagnon_jobs",
    help: "Background jobs by task and state: waiting, scheduled (for later), running, retrying (failed, will run again), failed (no attempt left).",
    labelNames: ["task", "state"] as const,
    registers: [registry],
    async collect() {
      const data = await snapshot();
      this.reset();
      for (const row of data?.jobs ?? []) this.set({ task: row.task, state: row.state }, row.count);
    },
  });
  new Gauge({
    name: "compagnon_emails",
    help: "Emails of the outbox not delivered, by status: pending (to send, or waiting for a mail provider), failed.",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const data = await snapshot();
      this.reset();
      if (!data) return;
      for (const status of ["pending", "failed"]) this.set({ status }, data.emails.find((row) => row.status === status)?.count ?? 0);
    },
  });
  new Gauge({
    name: "compagnon_stripe_events_waiting",
    help: "Stripe webhook events received and not yet processed.",
    registers: [registry],
    async collect() {
      const data = await snapshot();
      if (data) this.set(data.stripeWaiting);
    },
  });
  new Gauge({
    name: "compagnon_stripe_events_oldest_waiting_seconds",
    help: "Age of the oldest Stripe webhook event not yet processed (0 when none waits).",
    registers: [registry],
    async collect() {
      const data = await snapshot();
      if (data) this.set(data.stripeOldestSeconds);
    },
  });
  new Gauge({
    name: "compagnon_worker_heartbeat_age_seconds",
    help: "Age of the freshest worker heartbeat, any machine (absent when no worker ever ran).",
    registers: [registry],
    async collect() {
      const data = await snapshot();
      this.reset();
      if (data?.heartbeatAgeSeconds != null) this.set(data.heartbeatAgeSeconds);
    },
  });
  new Gauge({
    name: "compagnon_database_connections",
    help: "Connections to the app's database, all processes, by state (active, idle, idle in transaction…), from pg_stat_activity.",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const data = await snapshot();
      this.reset();
      for (const row of data?.connections ?? []) this.set({ state: row.state }, row.count);
    },
  });
  const poolMax = new Gauge({
    name: "compagnon_database_pool_max",
    help: "Most connections one process opens to the database (DATABASE_POOL_SIZE).",
    registers: [registry],
  });
  poolMax.set(options.poolMax ?? Number(process.env.DATABASE_POOL_SIZE ?? 10));

  return {
    registry,
    observeRequest: ({ method, route, status }, seconds) => {
      requests.observe({ method: METHODS.has(method) ? method : "OTHER", route, status: String(status) }, seconds);
    },
  };
}
