import "server-only";
import { sql, type SQL } from "drizzle-orm";

/** Counts stop here: "plus de 1 000 besoins" costs the same at 100,000 matches as at 1,001. */
export const COUNT_CAP = 1000;

/** A text search's capped count reads this many rows for a common word, after a probe of COUNT_PROBE_ROWS (see lib/jobs/search-count.ts textCount). */
export const COUNT_SAMPLE_ROWS = 10_000;
export const COUNT_PROBE_ROWS = 1_000;

/** Relevance ranks only this many of the most recent matches (plus the pages already seen). */
export const RANK_CANDIDATES = 200;

/** A word the prefix search may take as typed: letters and digits only (no operator, no quote). */
const PLAIN_WORD = /^[\p{L}\p{N}]{2,}$/u;

/**
 * The French full-text query for what the visitor typed: web-search syntax ("quoted phrases",
 * -exclusions, or) for the whole text, and the last word also matches as a prefix ("nextcl"
 * finds Nextcloud) as long as it is a plain word: the visitor may not have finished typing it.
 */
export function frenchTextQuery(text: string): SQL {
  const words = text.trim().split(/\s+/);
  const last = words.at(-1) ?? "";
  const quotes = (text.match(/"/g) ?? []).length;
  if (!PLAIN_WORD.test(last) || quotes % 2 === 1 || words.at(-2)?.toLowerCase() === "or") {
    return sql`websearch_to_tsquery('french', ${text})`;
  }
  const prefix = prefixQuery(last);
  if (words.length === 1) return prefix;
  return sql`(websearch_to_tsquery('french', ${words.slice(0, -1).join(" ")}) && ${prefix})`;
}

/** The query of a text that is one plain word (its prefix: « wireguard » is 'wireguard':*), else null. */
export function oneWordQuery(text: string): SQL | null {
  const word = text.trim();
  return PLAIN_WORD.test(word) ? prefixQuery(word) : null;
}

function prefixQuery(word: string): SQL {
  return sql`to_tsquery('french', ${`${word.toLowerCase()}:*`})`;
}

/** `count(*)` of the rows `from … where …` would return, stopping at COUNT_CAP + 1. */
export function cappedCount(fromWhere: SQL): SQL<number> {
  return sql<number>`(select count(*)::int from (select 1 ${fromWhere} limit ${COUNT_CAP + 1}) capped)`;
}

/**
 * One statement: the capped count (`count`, such as cappedCount's) and, when it is 0 and there is
 * a text, the catalogue's software name nearest to the text (`nearest`, see nearSoftwareNameQuery),
 * so that a search that finds nothing does not need a statement of its own to look for a correction.
 */
export function countAndNearestQuery(count: SQL<number | null>, text: string | undefined): SQL {
  const nearest = text ? sql`case when counted.count = 0 then (${nearSoftwareNameQuery(text)}) end` : sql`null::text`;
  // Materialized: the count is computed once, not once for each place that reads it.
  return sql`with counted as materialized (select ${count} as count) select counted.count, ${nearest} as nearest from counted`;
}

export type CountAndNearest = { count: number; nearest: string | null };

/** What the page shows: the exact number up to the cap, "more than 1,000" past it. */
export function countResult(counted: number) {
  return { total: Math.min(counted, COUNT_CAP), totalCapped: counted > COUNT_CAP };
}

/**
 * The catalogue's software name nearest to a word of `text` (pg_trgm word similarity ≥ 0.5), for
 * the searches' fallback when the full-text search finds nothing: « nexcloud » → Nextcloud. The
 * catalogue is a few hundred rows: the vocabulary stays small whatever the number of needs, and
 * the corrected search goes through the full-text indexes again.
 */
export function nearSoftwareNameQuery(text: string): SQL {
  return sql`select name from catalog_software
    where greatest(word_similarity(name, ${text}), word_similarity(slug, ${text})) >= 0.5
    order by greatest(word_similarity(name, ${text}), word_similarity(slug, ${text})) desc, name limit 1`;
}
