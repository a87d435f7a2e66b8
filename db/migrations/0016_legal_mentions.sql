CREATE TYPE "public"."trade_register" AS ENUM('rcs', 'rm');--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "trade_register" "trade_register";--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "trade_register_place" text;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "share_capital_cents" integer;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "share_capital_positive" CHECK ("expert_profiles"."share_capital_cents" is null or "expert_profiles"."share_capital_cents" > 0);