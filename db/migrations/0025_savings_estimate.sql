CREATE TYPE "public"."paid_service_category" AS ENUM('office_suite', 'file_sharing', 'chat', 'video', 'crm', 'erp_accounting', 'vpn', 'password_manager');--> statement-breakpoint
CREATE TABLE "paid_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"category" "paid_service_category" NOT NULL,
	"monthly_cents_per_user" integer NOT NULL,
	"replacement_slugs" text[] NOT NULL,
	"source" text NOT NULL,
	"priced_on" date NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "paid_services_slug_unique" UNIQUE("slug"),
	CONSTRAINT "paid_service_price_positive" CHECK ("paid_services"."monthly_cents_per_user" > 0)
);
--> statement-breakpoint
CREATE TABLE "savings_assumptions" (
	"key" text PRIMARY KEY NOT NULL,
	"cents" integer NOT NULL,
	"source" text NOT NULL,
	"priced_on" date NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "savings_assumption_not_negative" CHECK ("savings_assumptions"."cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "paid_services" ADD CONSTRAINT "paid_services_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "savings_assumptions" ADD CONSTRAINT "savings_assumptions_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "paid_services_updated_by_id_index" ON "paid_services" USING btree ("updated_by_id");--> statement-breakpoint
CREATE INDEX "savings_assumptions_updated_by_id_index" ON "savings_assumptions" USING btree ("updated_by_id");