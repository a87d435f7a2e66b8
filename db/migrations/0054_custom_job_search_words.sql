-- Custom SQL migration (drizzle-kit generate --custom): how many open needs hold each word of the
-- board's search documents (job_search_words, migration 0053), kept by the database from the
-- board's side rows (job_search_entries, 0051_custom_job_search_entries), in the style of
-- 0047_custom_job_liquidity_months: every statement idempotent, a backfill that recomputes.
--
-- A one-word search (the last word is a prefix: « wireguard » is 'wireguard':*) matches at least
-- as many needs as its most frequent word holds: above COUNT_CAP, the board says "more than 1,000"
-- without reading a need (lib/jobs/queries.ts textCount). The words compare byte by byte
-- (collation "C"), as the full-text prefix match does, so that a prefix is a range of the key.
--
-- One statement trigger per event on job_search_entries, with the statement's rows before and
-- after it: each side row counts +1 for every word of its new document and -1 for every word of
-- its old one; the changes are added up per word and only the words whose figure moves are written
-- (an edit of a budget moves none). So a bulk statement (the scale seed's, a backfill) costs one
-- grouped upsert. Words are written in key order, so two statements touching the same words wait
-- for each other instead of deadlocking. A word left in no open need is deleted.

ALTER TABLE "job_search_words" ALTER COLUMN "word" SET DATA TYPE text COLLATE "C";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "job_search_words"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, search FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, search FROM old_rows'
    ELSE 'SELECT 1 AS sign, search FROM new_rows UNION ALL SELECT -1, search FROM old_rows' END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO job_search_words AS t (word, needs)
    SELECT word COLLATE "C", sum(sign)::int FROM (%s) AS changes, unnest(tsvector_to_array(search)) AS word
    GROUP BY 1 HAVING sum(sign) <> 0
    ORDER BY 1
    ON CONFLICT (word) DO UPDATE SET needs = t.needs + excluded.needs
  $sql$, changes);
  DELETE FROM job_search_words WHERE needs = 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "job_search_words_insert" ON "job_search_entries";
--> statement-breakpoint
CREATE TRIGGER "job_search_words_insert" AFTER INSERT ON "job_search_entries" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "job_search_words"();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "job_search_words_update" ON "job_search_entries";
--> statement-breakpoint
CREATE TRIGGER "job_search_words_update" AFTER UPDATE ON "job_search_entries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "job_search_words"();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "job_search_words_delete" ON "job_search_entries";
--> statement-breakpoint
CREATE TRIGGER "job_search_words_delete" AFTER DELETE ON "job_search_entries" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "job_search_words"();
--> statement-breakpoint
-- A truncate leaves no open need, so no word.
DROP TRIGGER IF EXISTS "job_search_words_truncate" ON "job_search_entries";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "job_search_words_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM job_search_words;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "job_search_words_truncate" AFTER TRUNCATE ON "job_search_entries" FOR EACH STATEMENT EXECUTE FUNCTION "job_search_words_truncate"();
--> statement-breakpoint
-- The backfill: every word of the open needs, counted again.
DELETE FROM job_search_words;
--> statement-breakpoint
INSERT INTO job_search_words (word, needs)
SELECT word COLLATE "C", count(*)::int FROM job_search_entries, unnest(tsvector_to_array(search)) AS word GROUP BY 1;
