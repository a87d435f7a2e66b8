CREATE TYPE "public"."offer_status" AS ENUM('draft', 'published', 'unpublished', 'removed');--> statement-breakpoint
ALTER TYPE "public"."report_target" ADD VALUE 'offer';--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"software_id" uuid NOT NULL,
	"status" "offer_status" DEFAULT 'draft' NOT NULL,
	"kind" "job_kind" NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"included" text NOT NULL,
	"excluded" text DEFAULT '' NOT NULL,
	"prerequisites" text DEFAULT '' NOT NULL,
	"hosting_min_cents" integer,
	"hosting_max_cents" integer,
	"delivery_days" integer NOT NULL,
	"price_cents" integer NOT NULL,
	"milestones" jsonb NOT NULL,
	"extras" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"remote" boolean NOT NULL,
	"departements" text[] DEFAULT '{}' NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offer_price_positive" CHECK ("offers"."price_cents" > 0),
	CONSTRAINT "offer_delivery_positive" CHECK ("offers"."delivery_days" > 0)
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "offer_id" uuid;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_profile_id_expert_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."expert_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_software_id_catalog_software_id_fk" FOREIGN KEY ("software_id") REFERENCES "public"."catalog_software"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offers_expert_user_id_index" ON "offers" USING btree ("expert_user_id");--> statement-breakpoint
CREATE INDEX "offers_profile_id_index" ON "offers" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "offers_software_id_status_index" ON "offers" USING btree ("software_id","status");--> statement-breakpoint
CREATE INDEX "offers_status_published_at_index" ON "offers" USING btree ("status","published_at");--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contracts_offer_id_index" ON "contracts" USING btree ("offer_id");