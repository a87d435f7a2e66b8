-- Custom SQL migration (drizzle-kit generate --custom): the database's own rules, which Drizzle's
-- schema cannot express and `drizzle-kit generate` would never write. See db/README.md.
--
-- From now on, custom migrations (`*_custom_*.sql`, this one and later ones) are the only place
-- where a function or trigger of the public schema is defined (tests/integration/ops/database-rules.test.ts).
-- The same definitions were first written into generated migrations (0006, 0007, 0013, 0023);
-- those stay as they are (databases have applied them), and everything here is idempotent
-- (CREATE OR REPLACE, DROP ... IF EXISTS then CREATE), so it gives the same result on a fresh
-- database and on one that already has the older definitions, and can be re-applied safely.
-- All pending migrations run in one transaction: a trigger dropped here is back before commit.
-- To change a rule: copy its whole definition into a new custom migration and edit it there.

-- Extensions. pg_trgm: the searches' trigram indexes (0023) need it before they are created.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint

-- Ledger: every entry (the rows sharing an entry_id) sums to zero at commit.
CREATE OR REPLACE FUNCTION "ledger_entry_balanced"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries WHERE entry_id = NEW.entry_id) <> 0 THEN
    RAISE EXCEPTION 'ledger entry % does not balance', NEW.entry_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "ledger_entries_balanced" ON "ledger_entries";
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ledger_entries_balanced" AFTER INSERT ON "ledger_entries" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_entry_balanced"();
--> statement-breakpoint

-- Ledger: append-only.
CREATE OR REPLACE FUNCTION "ledger_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger entries are never changed nor deleted';
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "ledger_entries_append_only" ON "ledger_entries";
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_append_only" BEFORE UPDATE OR DELETE ON "ledger_entries" FOR EACH ROW EXECUTE FUNCTION "ledger_entries_append_only"();
--> statement-breakpoint

-- Invoices: never deleted; the worker may only fill the file keys once (and, for documents issued
-- before the chain, the PDF's hash): the hashes and the chain fixed at issue never change.
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
DROP TRIGGER IF EXISTS "invoices_immutable" ON "invoices";
--> statement-breakpoint
CREATE TRIGGER "invoices_immutable" BEFORE UPDATE OR DELETE ON "invoices" FOR EACH ROW EXECUTE FUNCTION "invoices_immutable"();
--> statement-breakpoint

-- TRUNCATE skips row triggers: refuse it outright on the records kept ten years.
CREATE OR REPLACE FUNCTION "refuse_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is never truncated', TG_TABLE_NAME;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "invoices_no_truncate" ON "invoices";
--> statement-breakpoint
CREATE TRIGGER "invoices_no_truncate" BEFORE TRUNCATE ON "invoices" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "ledger_entries_no_truncate" ON "ledger_entries";
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_no_truncate" BEFORE TRUNCATE ON "ledger_entries" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "invoice_series_no_truncate" ON "invoice_series";
--> statement-breakpoint
CREATE TRIGGER "invoice_series_no_truncate" BEFORE TRUNCATE ON "invoice_series" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();
--> statement-breakpoint

-- Invoice numbering. The only way the runtime role (which may not write invoice_series) gets a
-- number: the next one of the series, and only once the previous one is an issued document, so no
-- number is skipped. SECURITY DEFINER: runs with the rights of the owner that ran the migrations
-- (CREATE OR REPLACE keeps the EXECUTE right db/roles.ts grants the runtime role).
CREATE OR REPLACE FUNCTION "allocate_invoice_number"(p_key text, p_year integer) RETURNS integer
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
CREATE OR REPLACE FUNCTION "invoices_numbered"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.sequence IS DISTINCT FROM (SELECT last_number FROM invoice_series WHERE key = NEW.series_key AND year = NEW.year) THEN
    RAISE EXCEPTION 'invoice % does not carry the number its series allocated', NEW.number;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "invoices_numbered" ON "invoices";
--> statement-breakpoint
CREATE TRIGGER "invoices_numbered" BEFORE INSERT ON "invoices" FOR EACH ROW EXECUTE FUNCTION "invoices_numbered"();
