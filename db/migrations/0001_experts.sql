CREATE TYPE "public"."evidence_kind" AS ENUM('registration', 'urssaf', 'insurance', 'certification', 'other');--> statement-breakpoint
CREATE TYPE "public"."legal_form" AS ENUM('micro_entrepreneur', 'ei', 'eurl', 'sasu', 'sarl', 'sas', 'other');--> statement-breakpoint
CREATE TYPE "public"."service_kind" AS ENUM('installation', 'support', 'training');--> statement-breakpoint
CREATE TYPE "public"."vat_regime" AS ENUM('franchise', 'vat_registered');--> statement-breakpoint
CREATE TYPE "public"."verification_status" AS ENUM('draft', 'submitted', 'verified', 'changes_requested', 'rejected', 'suspended');--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"kind" "evidence_kind" NOT NULL,
	"label" text,
	"original_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"issued_on" date,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_files_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "expert_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"display_name" text DEFAULT '' NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"service_kinds" "service_kind"[] DEFAULT '{}' NOT NULL,
	"daily_rate_cents" integer,
	"departments" text[] DEFAULT '{}' NOT NULL,
	"remote_ok" boolean DEFAULT true NOT NULL,
	"languages" text[] DEFAULT '{fr}' NOT NULL,
	"legal_form" "legal_form",
	"siret" text,
	"vat_regime" "vat_regime",
	"vat_number" text,
	"insurer" text,
	"insurance_policy_number" text,
	"insurance_expires_on" date,
	"links" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"public_fields" text[] DEFAULT '{bio,links,references,languages}' NOT NULL,
	"status" "verification_status" DEFAULT 'draft' NOT NULL,
	"status_reason" text,
	"submitted_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"urssaf_reminder_for" date,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_profiles_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "expert_profiles_slug_unique" UNIQUE("slug"),
	CONSTRAINT "daily_rate_positive" CHECK ("expert_profiles"."daily_rate_cents" is null or "expert_profiles"."daily_rate_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "expert_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"client_type" text NOT NULL,
	"project" text NOT NULL,
	"year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_skills" (
	"profile_id" uuid NOT NULL,
	"software_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"years" integer NOT NULL,
	CONSTRAINT "expert_skills_profile_id_software_id_pk" PRIMARY KEY("profile_id","software_id"),
	CONSTRAINT "skill_level_range" CHECK ("expert_skills"."level" between 1 and 3),
	CONSTRAINT "skill_years_range" CHECK ("expert_skills"."years" between 0 and 60)
);
--> statement-breakpoint
CREATE TABLE "verification_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_id" uuid,
	"decision" "verification_status",
	"reason" text,
	"checklist" jsonb
);
--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_profile_id_expert_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."expert_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_references" ADD CONSTRAINT "expert_references_profile_id_expert_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."expert_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_skills" ADD CONSTRAINT "expert_skills_profile_id_expert_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."expert_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_skills" ADD CONSTRAINT "expert_skills_software_id_catalog_software_id_fk" FOREIGN KEY ("software_id") REFERENCES "public"."catalog_software"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_requests" ADD CONSTRAINT "verification_requests_profile_id_expert_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."expert_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_requests" ADD CONSTRAINT "verification_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_files_profile_id_index" ON "evidence_files" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "expert_profiles_status_index" ON "expert_profiles" USING btree ("status");--> statement-breakpoint
CREATE INDEX "expert_references_profile_id_index" ON "expert_references" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "expert_skills_software_id_index" ON "expert_skills" USING btree ("software_id");--> statement-breakpoint
CREATE INDEX "verification_requests_profile_id_index" ON "verification_requests" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "verification_requests_decided_at_index" ON "verification_requests" USING btree ("decided_at");