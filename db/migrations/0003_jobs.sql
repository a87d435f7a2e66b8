CREATE TYPE "public"."budget_type" AS ENUM('fixed', 'daily');--> statement-breakpoint
CREATE TYPE "public"."hosting_preference" AS ENUM('vps', 'dedicated', 'on_premises', 'not_sure');--> statement-breakpoint
CREATE TYPE "public"."job_kind" AS ENUM('installation', 'support_one_off', 'support_monthly', 'training');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('draft', 'open', 'in_progress', 'closed', 'cancelled');--> statement-breakpoint
CREATE TABLE "job_nda_acceptances" (
	"job_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"nda_version" text NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_nda_acceptances_job_id_user_id_pk" PRIMARY KEY("job_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "job_software" (
	"job_id" uuid NOT NULL,
	"software_id" uuid NOT NULL,
	CONSTRAINT "job_software_job_id_software_id_pk" PRIMARY KEY("job_id","software_id")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_by_id" uuid,
	"status" "job_status" DEFAULT 'draft' NOT NULL,
	"wizard_step" integer DEFAULT 1 NOT NULL,
	"kind" "job_kind",
	"help_me_choose" boolean DEFAULT false NOT NULL,
	"needs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"personal_data" boolean,
	"budget_type" "budget_type",
	"budget_min_cents" integer,
	"budget_max_cents" integer,
	"daily_rate_cap_cents" integer,
	"start_on" date,
	"deadline_on" date,
	"remote" boolean,
	"departement" text,
	"title" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"confidential_details" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french', coalesce("jobs"."title", '')), 'A') || setweight(to_tsvector('french', coalesce("jobs"."description", '')), 'B')) STORED,
	CONSTRAINT "job_budget_order" CHECK ("jobs"."budget_min_cents" is null or "jobs"."budget_max_cents" is null or "jobs"."budget_min_cents" <= "jobs"."budget_max_cents")
);
--> statement-breakpoint
ALTER TABLE "job_nda_acceptances" ADD CONSTRAINT "job_nda_acceptances_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_nda_acceptances" ADD CONSTRAINT "job_nda_acceptances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_software" ADD CONSTRAINT "job_software_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_software" ADD CONSTRAINT "job_software_software_id_catalog_software_id_fk" FOREIGN KEY ("software_id") REFERENCES "public"."catalog_software"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_software_software_id_index" ON "job_software" USING btree ("software_id");--> statement-breakpoint
CREATE INDEX "jobs_search_idx" ON "jobs" USING gin ("search");--> statement-breakpoint
CREATE INDEX "jobs_organization_id_index" ON "jobs" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "jobs_status_published_at_index" ON "jobs" USING btree ("status","published_at");