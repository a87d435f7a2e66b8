import "server-only";
import { sqlClient } from "@/db/client";

/**
 * The software catalogue kept in the process: the job board's, the directory's and the offers'
 * filters show it at every render, and it changes only when the catalogue is seeded again, so a
 * public page does not spend one of its three statements on it. Emptied when the catalogue
 * changes: its trigger NOTIFYs `public_pages` (migration public_pages_notify), on which the web
 * process listens (lib/http/public-page-server.ts calls forgetCatalog, and forgets it again each
 * time its listening connection is made, as a notification may have been missed meanwhile). A
 * process that does not listen (`next dev`, a script) keeps it at most TTL_MS. Kept per
 * connection pool: a new database (another test file) reads it again.
 */
const TTL_MS = 60_000;

interface Kept<T> {
  rows: Promise<T>;
  loadedAt: number;
  client: object;
}

// On globalThis: Next.js bundles this module apart from the web server's, in the same process.
const holder = globalThis as unknown as { compagnonCatalog?: Kept<unknown>; compagnonCatalogWatched?: boolean };

/** The kept catalogue, or `load()`'s answer kept for the next renders. */
export function keptCatalog<T>(load: () => PromiseLike<T>): Promise<T> {
  const client = sqlClient();
  const kept = holder.compagnonCatalog as Kept<T> | undefined;
  // Watched, it is kept until a change: expiring it would cost a public page's render a fourth
  // statement once a minute (the benchmark's count of /experts caught one: 3.1 per render).
  if (kept && kept.client === client && (holder.compagnonCatalogWatched || Date.now() - kept.loadedAt < TTL_MS)) return kept.rows;
  // Through a promise of our own: a Drizzle query runs again each time it is awaited.
  const fresh: Kept<T> = { rows: Promise.resolve().then(load), loadedAt: Date.now(), client };
  holder.compagnonCatalog = fresh;
  // A failed read is not kept: the next render tries again.
  fresh.rows.catch(() => {
    if (holder.compagnonCatalog === fresh) holder.compagnonCatalog = undefined;
  });
  return fresh.rows;
}

/** The catalogue changed (or may have: a notification may have been missed): read it again. */
export function forgetCatalog(): void {
  holder.compagnonCatalog = undefined;
}

/**
 * Whether this process hears of every change of the catalogue (the web process, once it listens
 * for `public_pages`): then the kept catalogue never expires, it is only forgotten.
 */
export function watchCatalog(watched: boolean): void {
  holder.compagnonCatalogWatched = watched;
  holder.compagnonCatalog = undefined;
}
