CREATE TYPE "public"."einvoicing_channel" AS ENUM('compagnon', 'own_pa');--> statement-breakpoint
CREATE TYPE "public"."vat_filing" AS ENUM('normal_monthly', 'normal_quarterly', 'simplified');--> statement-breakpoint
ALTER TABLE "einvoice_reports" ALTER COLUMN "invoice_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "einvoicing_channel" "einvoicing_channel" DEFAULT 'compagnon' NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "own_pa_name" text;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "own_pa_address" text;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "vat_filing" "vat_filing";--> statement-breakpoint
ALTER TABLE "einvoice_reports" ADD COLUMN "seller_siren" text;--> statement-breakpoint
ALTER TABLE "einvoice_reports" ADD COLUMN "period_start" text;--> statement-breakpoint
ALTER TABLE "einvoice_reports" ADD COLUMN "period_end" text;--> statement-breakpoint
ALTER TABLE "einvoice_reports" ADD COLUMN "period_data" jsonb;--> statement-breakpoint
ALTER TABLE "einvoice_reports" ADD CONSTRAINT "einvoice_reports_period_once" UNIQUE("seller_siren","kind","period_start");