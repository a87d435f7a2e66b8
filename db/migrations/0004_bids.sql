CREATE TYPE "public"."bid_pricing" AS ENUM('fixed', 'daily');--> statement-breakpoint
CREATE TYPE "public"."bid_status" AS ENUM('submitted', 'shortlisted', 'declined', 'withdrawn', 'accepted');--> statement-breakpoint
CREATE TABLE "bid_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bid_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"due_on" date NOT NULL,
	CONSTRAINT "milestone_amount_positive" CHECK ("bid_milestones"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "bids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"status" "bid_status" DEFAULT 'submitted' NOT NULL,
	"pricing" "bid_pricing" NOT NULL,
	"total_cents" integer NOT NULL,
	"daily_rate_cents" integer,
	"days" integer,
	"duration_days" integer NOT NULL,
	"start_on" date NOT NULL,
	"method" text NOT NULL,
	"commission_bps" integer NOT NULL,
	"decline_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_total_positive" CHECK ("bids"."total_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "bid_milestones" ADD CONSTRAINT "bid_milestones_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_profile_id_expert_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."expert_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bid_milestones_bid_id_index" ON "bid_milestones" USING btree ("bid_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bids_one_active_per_expert" ON "bids" USING btree ("job_id","expert_user_id") WHERE "bids"."status" in ('submitted', 'shortlisted', 'accepted');--> statement-breakpoint
CREATE INDEX "bids_expert_user_id_created_at_index" ON "bids" USING btree ("expert_user_id","created_at");