import "server-only";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { writeFileSync } from "node:fs";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A query runner: the database itself or an open transaction. */
export type Executor = Database | Transaction;

interface Connection {
  url: string;
  sql: postgres.Sql;
  db: Database;
}

// Kept on globalThis so that hot reloads in development reuse one pool.
const globalForDb = globalThis as unknown as { compagnonDb?: Connection };

function connect(): Connection {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run demo` (embedded PostgreSQL) or set DATABASE_URL.",
    );
  }
  const existing = globalForDb.compagnonDb;
  if (existing && existing.url === url) return existing;
  const sql = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    ...statementCounter(),
  });
  const connection = { url, sql, db: drizzle(sql, { schema, casing: "snake_case" }) };
  globalForDb.compagnonDb = connection;
  return connection;
}

/**
 * Benchmark only (scripts/bench.ts): with COMPAGNON_SQL_COUNT_FILE set, every statement sent is
 * counted and the running total written to that file (at most every 100 ms), so that the
 * benchmark can tell how many statements a page costs. Off (no hook at all) otherwise.
 */
function statementCounter(): Pick<postgres.Options<Record<string, postgres.PostgresType>>, "debug"> {
  const file = process.env.COMPAGNON_SQL_COUNT_FILE;
  if (!file) return {};
  let count = 0;
  let written = -1;
  setInterval(() => {
    if (count === written) return;
    written = count;
    writeFileSync(file, String(count));
  }, 100).unref();
  return { debug: () => void count++ };
}

/** The Drizzle database, connected on first use (so that `next build` needs no database). */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const target = connect().db;
    const value = Reflect.get(target, property, target) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  },
});

/** The real Drizzle instance (for libraries that check its class, such as the Auth.js adapter). */
export function getDb(): Database {
  return connect().db;
}

/** The raw postgres.js client, for health checks and scripts. */
export function sqlClient(): postgres.Sql {
  return connect().sql;
}

export async function closeDb(): Promise<void> {
  const existing = globalForDb.compagnonDb;
  globalForDb.compagnonDb = undefined;
  if (existing) await existing.sql.end({ timeout: 5 });
}

const dialect = new PgDialect({ casing: "snake_case" });

/**
 * Runs `query` as a prepared statement: postgres.js keeps one per text on each connection, so that
 * PostgreSQL parses it once and may keep a plan made for any parameters (a generic plan) after
 * five runs. Drizzle sends its own queries unprepared (parsed and planned on every run). For the
 * hot searches, whose statements cost more to parse and plan than to run; their shape must hold
 * under a generic plan (tests/integration/performance/search-plans.test.ts).
 */
export async function executePrepared<T extends Record<string, unknown>>(query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const rows = await connect().sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
  return rows as unknown as T[];
}

