import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { jobSearchEntries } from "@/db/schema";
import { COUNT_CAP, COUNT_PROBE_ROWS, COUNT_SAMPLE_ROWS } from "@/lib/search/text-query";

/**
 * The job board's capped counts (lib/jobs/queries.ts): a text search's, from a sample of the side
 * rows or the full-text index, and a one-word search's, from the words' figures (job_search_words).
 */

/** The board's side rows, one per open need (db/schema/jobs.ts). */
const entries = jobSearchEntries;

/**
 * A need a moderation decision removed or restricted leaves the public board. "not in": the
 * decisions are read once into a hash table (target_id is never null, so it means "not exists"),
 * not scanned again for each row read, which cost most of a common word's count.
 */
const moderatedJobIds = sql`(select m.target_id from moderated_content m where m.target_type = 'job')`;
export const notModerated = sql`${entries.jobId} not in ${moderatedJobIds}`;

/**
 * The capped count of a text search. The full-text index lists every match before the first is
 * counted (15,000 for a common word, whatever the cap), so a common word is counted on the rows
 * themselves: COUNT_SAMPLE_ROWS open needs read in the order the table stores them (a sequential
 * read of narrow rows; which needs they are does not matter for a count) hold its COUNT_CAP + 1
 * matches when it is in more than one need in ten. A first COUNT_PROBE_ROWS of them tell whether
 * that is worth reading (one match in twenty there at least), so that a rare word costs them only.
 * Otherwise the full-text index counts, in a materialized CTE so that the planner chooses it as for
 * all the matches, not a scan it hopes to stop early. Each step runs only when the one before needs it
 * ("offset 0": the sample is counted once, not copied into each place that reads it).
 */
export function textCount(where: SQL): SQL<number> {
  const cap = sql.raw(String(COUNT_CAP));
  const matchesAmong = (rows: number, limit: SQL) =>
    sql`(select count(*)::int from (select 1 from (select * from ${entries} limit ${sql.raw(String(rows))}) as ${entries} where ${where} limit ${limit}) matched)`;
  const probe = matchesAmong(COUNT_PROBE_ROWS, sql.raw(String(COUNT_PROBE_ROWS)));
  const sampled = sql`case when ${probe} >= ${sql.raw(String(COUNT_PROBE_ROWS / 20))} then ${matchesAmong(COUNT_SAMPLE_ROWS, sql`${cap} + 1`)} else 0 end`;
  return sql<number>`(select case when sampled.count > ${cap} then sampled.count else ${indexedCount(where)} end from (select ${sampled} as count offset 0) sampled)`;
}

/** The capped count through the full-text index. */
function indexedCount(where: SQL): SQL<number> {
  return sql<number>`(with matches as materialized (select 1 from ${entries} where ${where}) select count(*)::int from (select 1 from matches limit ${COUNT_CAP} + 1) capped)`;
}

/**
 * The capped count of a one-word search with no filter, from the words' figures (wordBounds):
 * more than the cap without reading a need, or few matches that the full-text index counts; null
 * when the figures tell neither (the word's figure is under the cap but its prefix's words add up
 * above it: then textCount). A small statement, planned in a fraction of textCount's time.
 */
export function wordCount(where: SQL, oneWord: SQL): SQL<number | null> {
  const cap = sql.raw(String(COUNT_CAP));
  return sql<number | null>`(select case when bounds.at_least > ${cap} then bounds.at_least when bounds.at_most <= ${cap} then ${indexedCount(where)} end
    from ${wordBounds(oneWord)} bounds)`;
}

/**
 * What job_search_words tells of a one-word (prefix) query on the board: its matches are at least
 * the needs of its most frequent word, less every need a moderation decision hides (`at_least`),
 * and at most the needs of all its words together (`at_most`). The words that start with the
 * prefix are a range of the table's key (collation "C", byte order, as the prefix match compares);
 * a query whose tree is not one prefix (a stop word: an empty query) has no word, so 0 and 0.
 */
function wordBounds(oneWord: SQL): SQL {
  return sql`(select coalesce(max(w.needs), 0) - (select count(*)::int from ${moderatedJobIds} hidden) as at_least, coalesce(sum(w.needs), 0) as at_most
    from (select substring(querytree(${oneWord}) from '^''(.+)'':[*]$') as prefix) q
    left join job_search_words w on w.word >= q.prefix and w.word < q.prefix || chr(1114111) and starts_with(w.word, q.prefix))`;
}
