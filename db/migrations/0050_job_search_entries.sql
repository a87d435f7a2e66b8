CREATE TABLE "job_search_entries" (
	"job_id" uuid PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone,
	"kind" "job_kind",
	"remote" boolean,
	"departement" text,
	"budget_max_cents" integer,
	"daily_rate_cap_cents" integer,
	"search" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "jobs_open_search_idx";--> statement-breakpoint
ALTER TABLE "job_search_entries" ADD CONSTRAINT "job_search_entries_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_search_entries_search_idx" ON "job_search_entries" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "job_search_entries_recency_idx" ON "job_search_entries" USING btree ("published_at" DESC NULLS LAST,"job_id" DESC NULLS LAST);