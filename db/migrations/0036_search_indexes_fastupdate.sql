DROP INDEX "expert_profiles_verified_search_idx";--> statement-breakpoint
DROP INDEX "jobs_open_search_idx";--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('french', "expert_profiles"."search_text")) STORED;--> statement-breakpoint
CREATE INDEX "expert_profiles_verified_search_idx" ON "expert_profiles" USING gin ("search") WITH (fastupdate=false) WHERE status = 'verified';--> statement-breakpoint
CREATE INDEX "jobs_open_search_idx" ON "jobs" USING gin ("search") WITH (fastupdate=false) WHERE status = 'open';