CREATE TYPE "public"."training_format" AS ENUM('on_site', 'remote', 'mixed');--> statement-breakpoint
CREATE TYPE "public"."training_price_basis" AS ENUM('per_session', 'per_person');--> statement-breakpoint
ALTER TYPE "public"."evidence_kind" ADD VALUE 'qualiopi' BEFORE 'other';--> statement-breakpoint
CREATE TABLE "bid_training_terms" (
	"bid_id" uuid PRIMARY KEY NOT NULL,
	"objectives" text NOT NULL,
	"prerequisites" text NOT NULL,
	"outline" text NOT NULL,
	"duration_hours" integer NOT NULL,
	"format" "training_format" NOT NULL,
	"attendees_count" integer NOT NULL,
	"sessions" jsonb NOT NULL,
	"price_basis" "training_price_basis" NOT NULL,
	"unit_price_cents" integer NOT NULL,
	"qualiopi_certified" boolean NOT NULL,
	"activity_declaration_number" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_training_hours_positive" CHECK ("bid_training_terms"."duration_hours" > 0),
	CONSTRAINT "bid_training_attendees_positive" CHECK ("bid_training_terms"."attendees_count" > 0),
	CONSTRAINT "bid_training_price_positive" CHECK ("bid_training_terms"."unit_price_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"email" text NOT NULL,
	"added_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"date" date NOT NULL,
	"slot" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "certificate_number" text;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "expires_on" date;--> statement-breakpoint
ALTER TABLE "bid_training_terms" ADD CONSTRAINT "bid_training_terms_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendees" ADD CONSTRAINT "training_attendees_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendees" ADD CONSTRAINT "training_attendees_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_milestone_id_contract_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."contract_milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendees_one_email" ON "training_attendees" USING btree ("contract_id",lower("email"));--> statement-breakpoint
CREATE INDEX "training_attendees_added_by_id_index" ON "training_attendees" USING btree ("added_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_sessions_contract_id_position_index" ON "training_sessions" USING btree ("contract_id","position");--> statement-breakpoint
CREATE INDEX "training_sessions_milestone_id_index" ON "training_sessions" USING btree ("milestone_id");