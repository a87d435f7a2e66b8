-- HAND-WRITTEN (issue 17, ready-made offers); re-apply as is.
-- The offers' catalogue (/offers), an offer's page and the pages showing offers (an expert's page,
-- the directory, a need's page) are public pages kept in the cache of lib/http/page-cache.ts:
-- a change to an offer empties it, like a change to a job (migration custom_public_pages_notify).
DROP TRIGGER IF EXISTS "offers_public_pages" ON "offers";--> statement-breakpoint
CREATE TRIGGER "offers_public_pages" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "offers" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_pages"();
