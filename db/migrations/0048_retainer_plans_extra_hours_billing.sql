CREATE TYPE "public"."retainer_month_kind" AS ENUM('month', 'extra_hours');--> statement-breakpoint
CREATE TYPE "public"."retainer_plan_change_status" AS ENUM('proposed', 'accepted', 'declined');--> statement-breakpoint
CREATE TABLE "retainer_plan_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"proposed_by_side" text NOT NULL,
	"proposed_by_id" uuid,
	"monthly_fee_cents" integer NOT NULL,
	"hours_included" integer NOT NULL,
	"extra_hour_cents" integer NOT NULL,
	"status" "retainer_plan_change_status" DEFAULT 'proposed' NOT NULL,
	"effective_from" date,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retainer_plan_change_amounts" CHECK ("retainer_plan_changes"."monthly_fee_cents" > 0 and "retainer_plan_changes"."hours_included" >= 0 and "retainer_plan_changes"."extra_hour_cents" >= 0),
	CONSTRAINT "retainer_plan_change_side" CHECK ("retainer_plan_changes"."proposed_by_side" in ('client', 'expert')),
	CONSTRAINT "retainer_plan_change_effective" CHECK (("retainer_plan_changes"."status" = 'accepted') = ("retainer_plan_changes"."effective_from" is not null))
);
--> statement-breakpoint
ALTER TABLE "retainer_months" ADD COLUMN "kind" "retainer_month_kind" DEFAULT 'month' NOT NULL;--> statement-breakpoint
ALTER TABLE "retainer_extra_hours" ADD COLUMN "refusal_reason" text;--> statement-breakpoint
ALTER TABLE "retainer_extra_hours" ADD COLUMN "charged_with_month_id" uuid;--> statement-breakpoint
ALTER TABLE "retainer_plan_changes" ADD CONSTRAINT "retainer_plan_changes_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainer_plan_changes" ADD CONSTRAINT "retainer_plan_changes_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainer_plan_changes" ADD CONSTRAINT "retainer_plan_changes_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "retainer_plan_changes_one_proposed" ON "retainer_plan_changes" USING btree ("contract_id") WHERE "retainer_plan_changes"."status" = 'proposed';--> statement-breakpoint
CREATE INDEX "retainer_plan_changes_contract_id_created_at_index" ON "retainer_plan_changes" USING btree ("contract_id","created_at");--> statement-breakpoint
CREATE INDEX "retainer_plan_changes_proposed_by_id_index" ON "retainer_plan_changes" USING btree ("proposed_by_id");--> statement-breakpoint
CREATE INDEX "retainer_plan_changes_decided_by_id_index" ON "retainer_plan_changes" USING btree ("decided_by_id");--> statement-breakpoint
ALTER TABLE "retainer_extra_hours" ADD CONSTRAINT "retainer_extra_hours_charged_with_month_id_retainer_months_id_fk" FOREIGN KEY ("charged_with_month_id") REFERENCES "public"."retainer_months"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "retainer_extra_hours_charged_with_month_id_index" ON "retainer_extra_hours" USING btree ("charged_with_month_id");--> statement-breakpoint
CREATE INDEX "retainer_extra_hours_to_bill" ON "retainer_extra_hours" USING btree ("contract_id") WHERE "retainer_extra_hours"."status" = 'approved' and "retainer_extra_hours"."charged_with_month_id" is null;--> statement-breakpoint
ALTER TABLE "retainer_extra_hours" ADD CONSTRAINT "retainer_extra_hours_refusal_reason" CHECK (("retainer_extra_hours"."status" = 'rejected') = ("retainer_extra_hours"."refusal_reason" is not null));--> statement-breakpoint
ALTER TABLE "retainer_extra_hours" ADD CONSTRAINT "retainer_extra_hours_billed_approved" CHECK ("retainer_extra_hours"."charged_with_month_id" is null or "retainer_extra_hours"."status" = 'approved');