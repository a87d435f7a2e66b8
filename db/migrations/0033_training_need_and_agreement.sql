ALTER TYPE "public"."contract_document_kind" ADD VALUE 'training_agreement';--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "training_need" jsonb;