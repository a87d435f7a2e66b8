ALTER TABLE "jobs" ADD COLUMN "first_bid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "bid_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "contracted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "software_families" "catalog_category"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE INDEX "jobs_liquidity_idx" ON "jobs" USING btree ("published_at","kind","first_bid_at","bid_count","contracted_at","software_families");