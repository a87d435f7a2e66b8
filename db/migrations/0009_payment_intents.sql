ALTER TYPE "public"."payment_status" ADD VALUE 'creating' BEFORE 'open';--> statement-breakpoint
DROP INDEX "payments_one_live_per_milestone";--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "checkout_request" jsonb;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "requested_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_live_per_milestone" ON "payments" USING btree ("milestone_id") WHERE "payments"."status" not in ('failed', 'expired');