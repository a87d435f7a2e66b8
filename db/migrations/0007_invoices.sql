CREATE TYPE "public"."invoice_kind" AS ENUM('invoice', 'credit_note');--> statement-breakpoint
CREATE TYPE "public"."invoice_role" AS ENUM('service', 'commission');--> statement-breakpoint
CREATE TABLE "billing_mandates" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"text_sha256" text NOT NULL,
	"legal_name" text NOT NULL,
	"address_line1" text NOT NULL,
	"address_line2" text,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_series" (
	"key" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "invoice_series_key_year_pk" PRIMARY KEY("key","year")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "invoice_kind" NOT NULL,
	"role" "invoice_role" NOT NULL,
	"number" text NOT NULL,
	"series_key" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"issue_date" date NOT NULL,
	"expert_user_id" uuid,
	"organization_id" uuid,
	"contract_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"transfer_id" uuid,
	"corrects_invoice_id" uuid,
	"ex_vat_cents" integer NOT NULL,
	"vat_cents" integer NOT NULL,
	"incl_vat_cents" integer NOT NULL,
	"payment_reference" text NOT NULL,
	"document" jsonb NOT NULL,
	"pdf_key" text,
	"pdf_sha256" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "invoice_code" text;--> statement-breakpoint
ALTER TABLE "billing_mandates" ADD CONSTRAINT "billing_mandates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_milestone_id_contract_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."contract_milestones"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_unique" ON "invoices" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_series_sequence" ON "invoices" USING btree ("series_key","year","sequence");--> statement-breakpoint
CREATE INDEX "invoices_expert_user_id_issue_date_index" ON "invoices" USING btree ("expert_user_id","issue_date");--> statement-breakpoint
CREATE INDEX "invoices_organization_id_issue_date_index" ON "invoices" USING btree ("organization_id","issue_date");--> statement-breakpoint
CREATE INDEX "invoices_issue_date_index" ON "invoices" USING btree ("issue_date");--> statement-breakpoint
CREATE INDEX "invoices_milestone_id_index" ON "invoices" USING btree ("milestone_id");--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_invoice_code_unique" UNIQUE("invoice_code");--> statement-breakpoint
CREATE FUNCTION "invoices_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'invoices and credit notes are never deleted (kept ten years)';
  END IF;
  IF OLD.pdf_key IS NOT NULL OR (to_jsonb(NEW) - 'pdf_key' - 'pdf_sha256') <> (to_jsonb(OLD) - 'pdf_key' - 'pdf_sha256') THEN
    RAISE EXCEPTION 'invoice % is never edited', OLD.number;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "invoices_immutable" BEFORE UPDATE OR DELETE ON "invoices" FOR EACH ROW EXECUTE FUNCTION "invoices_immutable"();
