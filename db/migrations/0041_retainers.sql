CREATE TYPE "public"."retainer_month_status" AS ENUM('scheduled', 'charging', 'held', 'failed', 'released', 'disputed', 'refunded', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."retainer_status" AS ENUM('active', 'paused', 'suspended', 'ended');--> statement-breakpoint
CREATE TABLE "bid_retainer_terms" (
	"bid_id" uuid PRIMARY KEY NOT NULL,
	"monthly_fee_cents" integer NOT NULL,
	"hours_included" integer NOT NULL,
	"extra_hour_cents" integer NOT NULL,
	"response_hours" jsonb NOT NULL,
	"covered_software" jsonb NOT NULL,
	"covered_hosts" jsonb NOT NULL,
	"working_hours" jsonb NOT NULL,
	"minimum_term_months" integer NOT NULL,
	"notice_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_retainer_fee_positive" CHECK ("bid_retainer_terms"."monthly_fee_cents" > 0),
	CONSTRAINT "bid_retainer_hours_not_negative" CHECK ("bid_retainer_terms"."hours_included" >= 0 and "bid_retainer_terms"."extra_hour_cents" >= 0),
	CONSTRAINT "bid_retainer_term_positive" CHECK ("bid_retainer_terms"."minimum_term_months" >= 1 and "bid_retainer_terms"."notice_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "retainer_months" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"milestone_id" uuid,
	"payment_id" uuid,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"fee_cents" integer NOT NULL,
	"hours_included" integer NOT NULL,
	"extra_hour_cents" integer NOT NULL,
	"status" "retainer_month_status" DEFAULT 'scheduled' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"failure_code" text,
	"charged_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retainer_month_fee_positive" CHECK ("retainer_months"."fee_cents" > 0),
	CONSTRAINT "retainer_month_period" CHECK ("retainer_months"."period_end" >= "retainer_months"."period_start")
);
--> statement-breakpoint
CREATE TABLE "retainers" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"monthly_fee_cents" integer NOT NULL,
	"hours_included" integer NOT NULL,
	"extra_hour_cents" integer NOT NULL,
	"response_hours" jsonb NOT NULL,
	"covered_software" jsonb NOT NULL,
	"covered_hosts" jsonb NOT NULL,
	"working_hours" jsonb NOT NULL,
	"minimum_term_months" integer NOT NULL,
	"notice_days" integer NOT NULL,
	"status" "retainer_status" DEFAULT 'active' NOT NULL,
	"starts_on" date NOT NULL,
	"next_terms" jsonb,
	"next_terms_from" date,
	"notice_given_at" timestamp with time zone,
	"notice_given_by" text,
	"ends_on" date,
	"stripe_customer_id" text,
	"payment_method_id" text,
	"payment_method_kind" text,
	"paused_at" timestamp with time zone,
	"suspended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retainer_fee_positive" CHECK ("retainers"."monthly_fee_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "bid_retainer_terms" ADD CONSTRAINT "bid_retainer_terms_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainer_months" ADD CONSTRAINT "retainer_months_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainer_months" ADD CONSTRAINT "retainer_months_milestone_id_contract_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."contract_milestones"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainer_months" ADD CONSTRAINT "retainer_months_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainers" ADD CONSTRAINT "retainers_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "retainer_months_one_per_period" ON "retainer_months" USING btree ("contract_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "retainer_months_one_per_milestone" ON "retainer_months" USING btree ("milestone_id");--> statement-breakpoint
CREATE INDEX "retainer_months_payment_id_index" ON "retainer_months" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "retainer_months_status_index" ON "retainer_months" USING btree ("status");