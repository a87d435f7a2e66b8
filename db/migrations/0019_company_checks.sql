CREATE TYPE "public"."company_check_status" AS ENUM('active', 'closed', 'not_found');--> statement-breakpoint
CREATE TABLE "company_checks" (
	"identifier" text PRIMARY KEY NOT NULL,
	"status" "company_check_status" NOT NULL,
	"legal_name" text,
	"address" text,
	"legal_category" text,
	"naf_code" text,
	"raw" jsonb,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "verification_requests" ADD COLUMN "decided_siret" text;--> statement-breakpoint
CREATE INDEX "organizations_siren_index" ON "organizations" USING btree ("siren");