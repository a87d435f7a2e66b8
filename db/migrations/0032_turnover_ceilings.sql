CREATE TABLE "turnover_ceilings" (
	"from_year" integer PRIMARY KEY NOT NULL,
	"services_cents" integer NOT NULL,
	"source" text NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "turnover_ceiling_positive" CHECK ("turnover_ceilings"."services_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "turnover_ceilings" ADD CONSTRAINT "turnover_ceilings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "turnover_ceilings_updated_by_id_index" ON "turnover_ceilings" USING btree ("updated_by_id");