CREATE TYPE "public"."retainer_setup_status" AS ENUM('creating', 'open', 'complete', 'failed', 'expired', 'ignored');--> statement-breakpoint
CREATE TABLE "retainer_payment_setups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"requested_by" uuid,
	"kind" text NOT NULL,
	"status" "retainer_setup_status" DEFAULT 'creating' NOT NULL,
	"stripe_customer_id" text,
	"checkout_session_id" text,
	"setup_intent_id" text,
	"payment_method_id" text,
	"failure_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retainer_payment_setups_checkout_session_id_unique" UNIQUE("checkout_session_id")
);
--> statement-breakpoint
ALTER TABLE "retainers" ADD COLUMN "mandate_id" text;--> statement-breakpoint
ALTER TABLE "retainer_payment_setups" ADD CONSTRAINT "retainer_payment_setups_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainer_payment_setups" ADD CONSTRAINT "retainer_payment_setups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainer_payment_setups" ADD CONSTRAINT "retainer_payment_setups_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "retainer_payment_setups_contract_id_index" ON "retainer_payment_setups" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "retainer_payment_setups_organization_id_index" ON "retainer_payment_setups" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "retainer_payment_setups_setup_intent_id_index" ON "retainer_payment_setups" USING btree ("setup_intent_id");--> statement-breakpoint
CREATE INDEX "retainers_mandate_id_index" ON "retainers" USING btree ("mandate_id");