CREATE TYPE "public"."einvoice_report_channel" AS ENUM('lifecycle', 'ereporting');--> statement-breakpoint
CREATE TYPE "public"."einvoice_report_kind" AS ENUM('payment', 'transaction');--> statement-breakpoint
CREATE TABLE "einvoice_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"kind" "einvoice_report_kind" NOT NULL,
	"channel" "einvoice_report_channel" NOT NULL,
	"occurred_on" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"vat_cents" integer NOT NULL,
	"vat_rate_bps" integer NOT NULL,
	"state" "einvoice_state" DEFAULT 'queued' NOT NULL,
	"skip_reason" text,
	"flow_id" text,
	"ack_status" text,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "einvoice_reports_once" UNIQUE("invoice_id","kind")
);
--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "vat_on_debits" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "einvoice_reports" ADD CONSTRAINT "einvoice_reports_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "einvoice_reports_state_idx" ON "einvoice_reports" USING btree ("state");