-- Custom SQL migration (drizzle-kit generate --custom): each need's liquidity kept on its row, for
-- the admin insights (lib/insights/marketplace.ts), which would otherwise look up every need's
-- bids and contract per request. Same style as 0027_custom_database_rules: every statement is
-- idempotent (CREATE OR REPLACE, DROP ... IF EXISTS then CREATE, a backfill that recomputes).
--
-- jobs.first_bid_at: the earliest bid's created_at; jobs.bid_count: every bid received, withdrawn
-- ones included (a withdrawal changes a bid's status, never removes it); jobs.contracted_at: the
-- contract's created_at (one contract per need, contracts_one_per_job); jobs.software_families:
-- the catalogue categories of the software the need names, each once, in order.
-- A bid adds itself to its need's row (the row lock orders concurrent bids, so the count is exact);
-- a bid that goes away (its need's deletion, an erasure) or moves recomputes from what is left.

CREATE OR REPLACE FUNCTION "bids_job_liquidity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE jobs SET
      bid_count = (SELECT count(*) FROM bids WHERE job_id = OLD.job_id),
      first_bid_at = (SELECT min(created_at) FROM bids WHERE job_id = OLD.job_id)
    WHERE id = OLD.job_id;
  END IF;
  IF TG_OP = 'INSERT' THEN
    UPDATE jobs SET bid_count = bid_count + 1, first_bid_at = least(first_bid_at, NEW.created_at) WHERE id = NEW.job_id;
  ELSIF TG_OP = 'UPDATE' AND NEW.job_id IS DISTINCT FROM OLD.job_id THEN
    UPDATE jobs SET
      bid_count = (SELECT count(*) FROM bids WHERE job_id = NEW.job_id),
      first_bid_at = (SELECT min(created_at) FROM bids WHERE job_id = NEW.job_id)
    WHERE id = NEW.job_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "bids_job_liquidity" ON "bids";
--> statement-breakpoint
CREATE TRIGGER "bids_job_liquidity" AFTER INSERT OR DELETE OR UPDATE OF job_id, created_at ON "bids" FOR EACH ROW EXECUTE FUNCTION "bids_job_liquidity"();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION "contracts_job_liquidity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE jobs SET contracted_at = (SELECT min(created_at) FROM contracts WHERE job_id = OLD.job_id) WHERE id = OLD.job_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE jobs SET contracted_at = (SELECT min(created_at) FROM contracts WHERE job_id = NEW.job_id) WHERE id = NEW.job_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "contracts_job_liquidity" ON "contracts";
--> statement-breakpoint
CREATE TRIGGER "contracts_job_liquidity" AFTER INSERT OR DELETE OR UPDATE OF job_id, created_at ON "contracts" FOR EACH ROW EXECUTE FUNCTION "contracts_job_liquidity"();
--> statement-breakpoint

-- A need's families: recomputed from its software whenever they change (the needs wizard replaces
-- them), and for every need naming a program whose category the catalogue changes.
CREATE OR REPLACE FUNCTION "job_software_families"(p_job_id uuid) RETURNS catalog_category[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(DISTINCT cs.category ORDER BY cs.category), '{}')
  FROM job_software js JOIN catalog_software cs ON cs.id = js.software_id WHERE js.job_id = p_job_id
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "job_software_job_liquidity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE jobs SET software_families = job_software_families(OLD.job_id) WHERE id = OLD.job_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE jobs SET software_families = job_software_families(NEW.job_id) WHERE id = NEW.job_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "job_software_job_liquidity" ON "job_software";
--> statement-breakpoint
CREATE TRIGGER "job_software_job_liquidity" AFTER INSERT OR DELETE OR UPDATE ON "job_software" FOR EACH ROW EXECUTE FUNCTION "job_software_job_liquidity"();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION "catalog_software_job_liquidity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE jobs SET software_families = job_software_families(jobs.id)
  WHERE jobs.id IN (SELECT job_id FROM job_software WHERE software_id = NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "catalog_software_job_liquidity" ON "catalog_software";
--> statement-breakpoint
CREATE TRIGGER "catalog_software_job_liquidity" AFTER UPDATE OF category ON "catalog_software" FOR EACH ROW WHEN (OLD.category IS DISTINCT FROM NEW.category) EXECUTE FUNCTION "catalog_software_job_liquidity"();
--> statement-breakpoint

-- Backfill (and repair: re-applied, it changes only rows that drifted).
UPDATE jobs SET bid_count = coalesce(b.bids, 0), first_bid_at = b.first_bid_at, contracted_at = c.contracted_at,
  software_families = coalesce(f.families, '{}')
FROM jobs j
  LEFT JOIN (SELECT job_id, count(*) AS bids, min(created_at) AS first_bid_at FROM bids GROUP BY job_id) b ON b.job_id = j.id
  LEFT JOIN (SELECT job_id, min(created_at) AS contracted_at FROM contracts GROUP BY job_id) c ON c.job_id = j.id
  LEFT JOIN (SELECT js.job_id, array_agg(DISTINCT cs.category ORDER BY cs.category) AS families
             FROM job_software js JOIN catalog_software cs ON cs.id = js.software_id GROUP BY js.job_id) f ON f.job_id = j.id
WHERE jobs.id = j.id
  AND (jobs.bid_count IS DISTINCT FROM coalesce(b.bids, 0) OR jobs.first_bid_at IS DISTINCT FROM b.first_bid_at
    OR jobs.contracted_at IS DISTINCT FROM c.contracted_at OR jobs.software_families IS DISTINCT FROM coalesce(f.families, '{}'));
