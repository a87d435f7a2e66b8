CREATE TYPE "public"."complaint_status" AS ENUM('open', 'upheld', 'reversed');--> statement-breakpoint
CREATE TYPE "public"."report_reason" AS ENUM('fraud', 'intellectual_property', 'hate_harassment', 'personal_data', 'csam', 'other_illegal', 'terms_breach');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('open', 'kept', 'removed', 'restricted');--> statement-breakpoint
CREATE TYPE "public"."report_target" AS ENUM('job', 'expert', 'review', 'message');--> statement-breakpoint
CREATE TYPE "public"."restriction_ground" AS ENUM('terms_accuracy', 'terms_conduct', 'terms_vetting', 'terms_payment', 'law_fraud', 'law_intellectual_property', 'law_hate_harassment', 'law_personal_data', 'law_csam', 'law_other');--> statement-breakpoint
CREATE TYPE "public"."restriction_kind" AS ENUM('content_removed', 'content_restricted', 'profile_refused', 'profile_suspended', 'account_suspended');--> statement-breakpoint
CREATE TABLE "content_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_type" "report_target" NOT NULL,
	"target_id" uuid NOT NULL,
	"reason" "report_reason" NOT NULL,
	"explanation" text NOT NULL,
	"location" text NOT NULL,
	"reporter_id" uuid,
	"reporter_name" text,
	"reporter_email" text,
	"locale" "locale" NOT NULL,
	"good_faith" boolean NOT NULL,
	"status" "report_status" DEFAULT 'open' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_id" uuid,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"complainant_id" uuid,
	"body" text NOT NULL,
	"status" "complaint_status" DEFAULT 'open' NOT NULL,
	"answer" text,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "moderated_content" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_type" "report_target" NOT NULL,
	"target_id" uuid NOT NULL,
	"visibility" "report_status" NOT NULL,
	"report_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statements_of_reasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"restriction" "restriction_kind" NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"facts" text NOT NULL,
	"ground" "restriction_ground" NOT NULL,
	"automated" boolean DEFAULT false NOT NULL,
	"decided_by_id" uuid,
	"report_id" uuid,
	"access_key_hash" text,
	"reversed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "content_reports" ADD CONSTRAINT "content_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_reports" ADD CONSTRAINT "content_reports_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_complaints" ADD CONSTRAINT "decision_complaints_statement_id_statements_of_reasons_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements_of_reasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_complaints" ADD CONSTRAINT "decision_complaints_complainant_id_users_id_fk" FOREIGN KEY ("complainant_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_complaints" ADD CONSTRAINT "decision_complaints_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderated_content" ADD CONSTRAINT "moderated_content_report_id_content_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."content_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements_of_reasons" ADD CONSTRAINT "statements_of_reasons_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements_of_reasons" ADD CONSTRAINT "statements_of_reasons_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements_of_reasons" ADD CONSTRAINT "statements_of_reasons_report_id_content_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."content_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "content_reports_status_created_at_index" ON "content_reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "content_reports_target_type_target_id_index" ON "content_reports" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_complaints_statement_id_index" ON "decision_complaints" USING btree ("statement_id");--> statement-breakpoint
CREATE INDEX "decision_complaints_status_created_at_index" ON "decision_complaints" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "moderated_content_target_type_target_id_index" ON "moderated_content" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "statements_of_reasons_user_id_created_at_index" ON "statements_of_reasons" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "statements_of_reasons_created_at_index" ON "statements_of_reasons" USING btree ("created_at");