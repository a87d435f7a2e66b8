-- HAND-WRITTEN (issue 15, the public-page cache of lib/http/page-cache.ts); re-apply as is.
-- Every web process LISTENs on `public_pages` and empties its cache of anonymous pages when the
-- data behind them changes. NOTIFY is delivered at commit (never for a rolled-back change), and
-- several in one transaction are sent once.
CREATE OR REPLACE FUNCTION "notify_public_pages"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('public_pages', '');
  RETURN NULL;
END;
$$;--> statement-breakpoint
DROP TRIGGER IF EXISTS "jobs_public_pages" ON "jobs";--> statement-breakpoint
CREATE TRIGGER "jobs_public_pages" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "jobs" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_pages"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "job_software_public_pages" ON "job_software";--> statement-breakpoint
CREATE TRIGGER "job_software_public_pages" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "job_software" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_pages"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "bids_public_pages" ON "bids";--> statement-breakpoint
CREATE TRIGGER "bids_public_pages" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "bids" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_pages"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "organizations_public_pages" ON "organizations";--> statement-breakpoint
CREATE TRIGGER "organizations_public_pages" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organizations" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_pages"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "users_public_pages" ON "users";--> statement-breakpoint
CREATE TRIGGER "users_public_pages" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_pages"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "expert_profiles_public_pages" ON "expert_profiles";--> statement-breakpoint
CREATE TRIGGER "expert_profiles_public_pages" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "expert_profiles" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_pages"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "expert_skills_public_pages" ON "expert_skills";--> statement-breakpoint
CREATE TRIGGER "expert_skills_public_pages" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "expert_skills" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_pages"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "expert_references_public_pages" ON "expert_references";--> statement-breakpoint
CREATE TRIGGER "expert_references_public_pages" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "expert_references" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_pages"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "evidence_files_public_pages" ON "evidence_files";--> statement-breakpoint
CREATE TRIGGER "evidence_files_public_pages" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "evidence_files" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_pages"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "reviews_public_pages" ON "reviews";--> statement-breakpoint
CREATE TRIGGER "reviews_public_pages" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "reviews" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_pages"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "catalog_software_public_pages" ON "catalog_software";--> statement-breakpoint
CREATE TRIGGER "catalog_software_public_pages" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog_software" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_pages"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "moderated_content_public_pages" ON "moderated_content";--> statement-breakpoint
CREATE TRIGGER "moderated_content_public_pages" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "moderated_content" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_pages"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "legal_announcements_public_pages" ON "legal_announcements";--> statement-breakpoint
CREATE TRIGGER "legal_announcements_public_pages" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "legal_announcements" FOR EACH STATEMENT EXECUTE FUNCTION "notify_public_pages"();
