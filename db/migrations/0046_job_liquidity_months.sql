CREATE TABLE "job_liquidity_months" (
	"month" date NOT NULL,
	"kind" "job_kind",
	"software_families" "catalog_category"[] NOT NULL,
	"published" integer DEFAULT 0 NOT NULL,
	"first_bid_within_48h" integer DEFAULT 0 NOT NULL,
	"with_first_bid" integer DEFAULT 0 NOT NULL,
	"bids" integer DEFAULT 0 NOT NULL,
	"contracts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "job_liquidity_months_key" UNIQUE NULLS NOT DISTINCT("month","kind","software_families")
);
--> statement-breakpoint
DROP INDEX "jobs_liquidity_idx";--> statement-breakpoint
CREATE INDEX "job_liquidity_months_empty" ON "job_liquidity_months" USING btree ("month") WHERE "job_liquidity_months"."published" = 0;--> statement-breakpoint
CREATE INDEX "jobs_first_bid_delay_idx" ON "jobs" USING btree (date_trunc('month', "published_at" at time zone 'Europe/Paris'),("first_bid_at" - "published_at"),"published_at","first_bid_at") WHERE "jobs"."first_bid_at" is not null;--> statement-breakpoint
CREATE INDEX "jobs_kind_first_bid_delay_idx" ON "jobs" USING btree (date_trunc('month', "published_at" at time zone 'Europe/Paris'),"kind",("first_bid_at" - "published_at"),"published_at","first_bid_at") WHERE "jobs"."first_bid_at" is not null;--> statement-breakpoint
CREATE INDEX "jobs_contract_delay_idx" ON "jobs" USING btree (date_trunc('month', "published_at" at time zone 'Europe/Paris'),("contracted_at" - "published_at"),"published_at","contracted_at") WHERE "jobs"."contracted_at" is not null;--> statement-breakpoint
CREATE INDEX "jobs_kind_contract_delay_idx" ON "jobs" USING btree (date_trunc('month', "published_at" at time zone 'Europe/Paris'),"kind",("contracted_at" - "published_at"),"published_at","contracted_at") WHERE "jobs"."contracted_at" is not null;