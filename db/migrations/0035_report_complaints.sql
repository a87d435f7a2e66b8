CREATE TABLE "report_complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"complainant_id" uuid,
	"body" text NOT NULL,
	"status" "complaint_status" DEFAULT 'open' NOT NULL,
	"answer" text,
	"new_outcome" "report_status",
	"statement_id" uuid,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "content_reports" ADD COLUMN "reporter_key_hash" text;--> statement-breakpoint
ALTER TABLE "content_reports" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_complaints" ADD CONSTRAINT "report_complaints_report_id_content_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."content_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_complaints" ADD CONSTRAINT "report_complaints_complainant_id_users_id_fk" FOREIGN KEY ("complainant_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_complaints" ADD CONSTRAINT "report_complaints_statement_id_statements_of_reasons_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements_of_reasons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_complaints" ADD CONSTRAINT "report_complaints_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_complaints_report_id_index" ON "report_complaints" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_complaints_status_created_at_index" ON "report_complaints" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "report_complaints_complainant_id_index" ON "report_complaints" USING btree ("complainant_id");--> statement-breakpoint
CREATE INDEX "report_complaints_decided_by_id_index" ON "report_complaints" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "report_complaints_statement_id_index" ON "report_complaints" USING btree ("statement_id");--> statement-breakpoint
CREATE INDEX "content_reports_decided_at_index" ON "content_reports" USING btree ("decided_at");