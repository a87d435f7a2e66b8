CREATE TABLE "invoice_pending_files" (
	"invoice_id" uuid PRIMARY KEY NOT NULL,
	"pdf" "bytea" NOT NULL,
	"xml" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "xml_key" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "xml_sha256" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "chain_hash" text;--> statement-breakpoint
ALTER TABLE "invoice_pending_files" ADD CONSTRAINT "invoice_pending_files_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
-- The worker may only fill the file keys once (and, for documents issued before the chain, the
-- PDF's hash): the hashes and the chain fixed at issue never change.
CREATE OR REPLACE FUNCTION "invoices_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'invoices and credit notes are never deleted (kept ten years)';
  END IF;
  IF (to_jsonb(NEW) - 'pdf_key' - 'pdf_sha256' - 'xml_key') <> (to_jsonb(OLD) - 'pdf_key' - 'pdf_sha256' - 'xml_key')
    OR (OLD.pdf_key IS NOT NULL AND NEW.pdf_key IS DISTINCT FROM OLD.pdf_key)
    OR (OLD.xml_key IS NOT NULL AND NEW.xml_key IS DISTINCT FROM OLD.xml_key)
    OR (OLD.pdf_sha256 IS NOT NULL AND NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256) THEN
    RAISE EXCEPTION 'invoice % is never edited', OLD.number;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- TRUNCATE skips row triggers: refuse it outright on the records kept ten years.
CREATE FUNCTION "refuse_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is never truncated', TG_TABLE_NAME;
END $$;
--> statement-breakpoint
CREATE TRIGGER "invoices_no_truncate" BEFORE TRUNCATE ON "invoices" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();--> statement-breakpoint
CREATE TRIGGER "ledger_entries_no_truncate" BEFORE TRUNCATE ON "ledger_entries" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();--> statement-breakpoint
CREATE TRIGGER "invoice_series_no_truncate" BEFORE TRUNCATE ON "invoice_series" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();--> statement-breakpoint
-- The only way the runtime role (which may not write invoice_series) gets a number: the next one
-- of the series, and only once the previous one is an issued document, so no number is skipped.
-- SECURITY DEFINER: runs with the rights of the owner that ran the migrations.
CREATE FUNCTION "allocate_invoice_number"(p_key text, p_year integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  current_number integer;
  next_number integer;
BEGIN
  IF p_key IS NULL OR p_key = '' OR p_year IS NULL OR p_year < 2000 OR p_year > 2999 THEN
    RAISE EXCEPTION 'invalid invoice series % %', p_key, p_year;
  END IF;
  SELECT last_number INTO current_number FROM invoice_series WHERE key = p_key AND year = p_year FOR UPDATE;
  IF current_number IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM invoices WHERE series_key = p_key AND year = p_year AND sequence = current_number
  ) THEN
    RAISE EXCEPTION 'number % of series % % is allocated but not issued', current_number, p_key, p_year;
  END IF;
  INSERT INTO invoice_series (key, year, last_number) VALUES (p_key, p_year, 1)
  ON CONFLICT (key, year) DO UPDATE SET last_number = invoice_series.last_number + 1
  RETURNING last_number INTO next_number;
  RETURN next_number;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION "allocate_invoice_number"(text, integer) FROM PUBLIC;
--> statement-breakpoint
-- A document takes the number its series just allocated, and no other: an INSERT cannot forge a
-- number ahead of the counter, nor reuse one.
CREATE FUNCTION "invoices_numbered"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.sequence IS DISTINCT FROM (SELECT last_number FROM invoice_series WHERE key = NEW.series_key AND year = NEW.year) THEN
    RAISE EXCEPTION 'invoice % does not carry the number its series allocated', NEW.number;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "invoices_numbered" BEFORE INSERT ON "invoices" FOR EACH ROW EXECUTE FUNCTION "invoices_numbered"();
