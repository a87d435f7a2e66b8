-- Custom SQL migration (drizzle-kit generate --custom): the job board's side rows
-- (job_search_entries, db/schema/jobs.ts) kept by the database from the needs themselves, in the
-- style of 0038_custom_job_liquidity (every statement idempotent, a backfill that recomputes).
-- An open need has its row, with the columns the board's search and filters read; a need that is
-- no longer open has none (a deleted need's row goes with it: ON DELETE CASCADE). The trigger
-- fires only when one of those columns is written, and rewrites the row only when it changed.

CREATE OR REPLACE FUNCTION "jobs_search_entry"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'open' THEN
    INSERT INTO job_search_entries AS e (job_id, published_at, kind, remote, departement, budget_max_cents, daily_rate_cap_cents, search)
    VALUES (NEW.id, NEW.published_at, NEW.kind, NEW.remote, NEW.departement, NEW.budget_max_cents, NEW.daily_rate_cap_cents, NEW.search)
    ON CONFLICT (job_id) DO UPDATE SET
      published_at = EXCLUDED.published_at, kind = EXCLUDED.kind, remote = EXCLUDED.remote, departement = EXCLUDED.departement,
      budget_max_cents = EXCLUDED.budget_max_cents, daily_rate_cap_cents = EXCLUDED.daily_rate_cap_cents, search = EXCLUDED.search
    WHERE (e.published_at, e.kind, e.remote, e.departement, e.budget_max_cents, e.daily_rate_cap_cents, e.search)
      IS DISTINCT FROM (EXCLUDED.published_at, EXCLUDED.kind, EXCLUDED.remote, EXCLUDED.departement, EXCLUDED.budget_max_cents, EXCLUDED.daily_rate_cap_cents, EXCLUDED.search);
  ELSIF TG_OP = 'UPDATE' AND OLD.status = 'open' THEN
    DELETE FROM job_search_entries WHERE job_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "jobs_search_entry" ON "jobs";
--> statement-breakpoint
CREATE TRIGGER "jobs_search_entry" AFTER INSERT OR UPDATE OF status, title, description, published_at, kind, remote, departement, budget_max_cents, daily_rate_cap_cents
  ON "jobs" FOR EACH ROW EXECUTE FUNCTION "jobs_search_entry"();
--> statement-breakpoint
DELETE FROM job_search_entries e WHERE NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = e.job_id AND j.status = 'open');
--> statement-breakpoint
-- Oldest first: the board walks the newest rows, which then lie together at the table's end.
INSERT INTO job_search_entries AS e (job_id, published_at, kind, remote, departement, budget_max_cents, daily_rate_cap_cents, search)
SELECT id, published_at, kind, remote, departement, budget_max_cents, daily_rate_cap_cents, search FROM jobs WHERE status = 'open' ORDER BY published_at NULLS FIRST
ON CONFLICT (job_id) DO UPDATE SET
  published_at = EXCLUDED.published_at, kind = EXCLUDED.kind, remote = EXCLUDED.remote, departement = EXCLUDED.departement,
  budget_max_cents = EXCLUDED.budget_max_cents, daily_rate_cap_cents = EXCLUDED.daily_rate_cap_cents, search = EXCLUDED.search;
