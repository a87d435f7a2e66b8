ALTER TYPE "public"."restriction_kind" ADD VALUE 'payout_withheld';--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "withheld_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "withheld_by_id" uuid;--> statement-breakpoint
ALTER TABLE "statements_of_reasons" ADD COLUMN "reversal" text;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_withheld_by_id_users_id_fk" FOREIGN KEY ("withheld_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transfers_withheld_by_id_index" ON "transfers" USING btree ("withheld_by_id");--> statement-breakpoint
-- HAND-WRITTEN (duties): statements reversed before this migration were all reversed by a complaint.
UPDATE "statements_of_reasons" SET "reversal" = 'complaint' WHERE "reversed_at" IS NOT NULL AND "reversal" IS NULL;
-- END HAND-WRITTEN
