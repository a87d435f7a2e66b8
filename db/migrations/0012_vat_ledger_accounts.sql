ALTER TYPE "public"."ledger_account" ADD VALUE 'commission_vat_collected';--> statement-breakpoint
ALTER TYPE "public"."ledger_account" ADD VALUE 'expert_vat_collected';