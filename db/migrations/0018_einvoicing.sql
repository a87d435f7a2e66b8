CREATE TYPE "public"."einvoice_state" AS ENUM('queued', 'submitted', 'failed', 'not_transmitted');--> statement-breakpoint
CREATE TABLE "einvoice_addresses" (
	"siren" text PRIMARY KEY NOT NULL,
	"address" text,
	"looked_up_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "einvoice_poll_cursor" (
	"id" text PRIMARY KEY NOT NULL,
	"updated_after" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "einvoice_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"code" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"flow_id" text,
	"reason" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "einvoice_status_events_once" UNIQUE("invoice_id","code","occurred_at")
);
--> statement-breakpoint
CREATE TABLE "einvoice_transmissions" (
	"invoice_id" uuid PRIMARY KEY NOT NULL,
	"tracking_id" text NOT NULL,
	"state" "einvoice_state" DEFAULT 'queued' NOT NULL,
	"skip_reason" text,
	"flow_id" text,
	"lifecycle_code" integer,
	"lifecycle_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "einvoice_transmissions_tracking_id_unique" UNIQUE("tracking_id")
);
--> statement-breakpoint
ALTER TABLE "einvoice_status_events" ADD CONSTRAINT "einvoice_status_events_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "einvoice_transmissions" ADD CONSTRAINT "einvoice_transmissions_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "einvoice_transmissions_state_idx" ON "einvoice_transmissions" USING btree ("state");