-- Custom SQL migration (drizzle-kit generate --custom): the admin insights' liquidity rolled up per
-- Paris month of publication × kind × set of software families (job_liquidity_months, migration
-- 0045), so the charts add a few hundred rows instead of reading every need of the period
-- (lib/insights/marketplace.ts). Same style as 0027_custom_database_rules: every statement is
-- idempotent (CREATE OR REPLACE, DROP ... IF EXISTS then CREATE, a backfill that recomputes).
--
-- One statement trigger per event on jobs, with the statement's rows before and after it: each
-- need counts +1 in the group its new row falls in and -1 in the group its old row fell in, the
-- changes are added up per group, and only the groups whose figures move are written (an edit of
-- a title changes nothing here; a bid, through 0038's triggers, moves its need's bid count). So a
-- bulk statement (the scale seed's, a backfill) costs one grouped upsert, not one per need.
-- Groups are written in key order, so two statements touching the same groups wait for each
-- other instead of deadlocking. A group left without needs is deleted.
-- The figures of a need are those the charts used to compute from its row (0038's columns):
-- published (published_at set), first bid within 48 hours (first_bid_at <= published_at + 48 h),
-- with a first bid, bids (bid_count), contracts (contracted_at set).

CREATE OR REPLACE FUNCTION "jobs_liquidity_months"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  figures constant text := 'published_at, kind, software_families, first_bid_at, bid_count, contracted_at';
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT 1 AS sign, %s FROM new_rows', figures)
    WHEN 'DELETE' THEN format('SELECT -1 AS sign, %s FROM old_rows', figures)
    ELSE format('SELECT 1 AS sign, %1$s FROM new_rows UNION ALL SELECT -1, %1$s FROM old_rows', figures) END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO job_liquidity_months AS t (month, kind, software_families, published, first_bid_within_48h, with_first_bid, bids, contracts)
    SELECT * FROM (
      SELECT date_trunc('month', published_at AT TIME ZONE 'Europe/Paris')::date AS month, kind, software_families,
        sum(sign)::int AS published,
        sum(CASE WHEN first_bid_at <= published_at + interval '48 hours' THEN sign ELSE 0 END)::int AS first_bid_within_48h,
        sum(CASE WHEN first_bid_at IS NOT NULL THEN sign ELSE 0 END)::int AS with_first_bid,
        sum(sign * bid_count)::int AS bids,
        sum(CASE WHEN contracted_at IS NOT NULL THEN sign ELSE 0 END)::int AS contracts
      FROM (%s) AS changes
      WHERE published_at IS NOT NULL
      GROUP BY 1, 2, 3) AS groups
    WHERE (published, first_bid_within_48h, with_first_bid, bids, contracts) <> (0, 0, 0, 0, 0)
    ORDER BY month, kind, software_families
    ON CONFLICT (month, kind, software_families) DO UPDATE SET
      published = t.published + excluded.published,
      first_bid_within_48h = t.first_bid_within_48h + excluded.first_bid_within_48h,
      with_first_bid = t.with_first_bid + excluded.with_first_bid,
      bids = t.bids + excluded.bids,
      contracts = t.contracts + excluded.contracts
  $sql$, changes);
  DELETE FROM job_liquidity_months WHERE published = 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "jobs_liquidity_months_insert" ON "jobs";
--> statement-breakpoint
CREATE TRIGGER "jobs_liquidity_months_insert" AFTER INSERT ON "jobs" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "jobs_liquidity_months"();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "jobs_liquidity_months_update" ON "jobs";
--> statement-breakpoint
CREATE TRIGGER "jobs_liquidity_months_update" AFTER UPDATE ON "jobs" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "jobs_liquidity_months"();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "jobs_liquidity_months_delete" ON "jobs";
--> statement-breakpoint
CREATE TRIGGER "jobs_liquidity_months_delete" AFTER DELETE ON "jobs" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "jobs_liquidity_months"();
--> statement-breakpoint

-- Backfill (and repair: re-applied, it changes only the groups that drifted). The triggers above
-- hold a lock on jobs that keeps writers out until this migration commits, so no change to a need
-- slips between them and this count.
WITH truth AS (
  SELECT date_trunc('month', published_at AT TIME ZONE 'Europe/Paris')::date AS month, kind, software_families,
    count(*)::int AS published,
    (count(*) FILTER (WHERE first_bid_at <= published_at + interval '48 hours'))::int AS first_bid_within_48h,
    count(first_bid_at)::int AS with_first_bid,
    sum(bid_count)::int AS bids,
    count(contracted_at)::int AS contracts
  FROM jobs WHERE published_at IS NOT NULL
  GROUP BY 1, 2, 3),
gone AS (
  DELETE FROM job_liquidity_months t
  WHERE NOT EXISTS (SELECT 1 FROM truth WHERE truth.month = t.month AND truth.kind IS NOT DISTINCT FROM t.kind AND truth.software_families = t.software_families))
INSERT INTO job_liquidity_months AS t (month, kind, software_families, published, first_bid_within_48h, with_first_bid, bids, contracts)
SELECT * FROM truth ORDER BY month, kind, software_families
ON CONFLICT (month, kind, software_families) DO UPDATE SET
  published = excluded.published, first_bid_within_48h = excluded.first_bid_within_48h, with_first_bid = excluded.with_first_bid,
  bids = excluded.bids, contracts = excluded.contracts
WHERE (t.published, t.first_bid_within_48h, t.with_first_bid, t.bids, t.contracts)
  IS DISTINCT FROM (excluded.published, excluded.first_bid_within_48h, excluded.with_first_bid, excluded.bids, excluded.contracts);
