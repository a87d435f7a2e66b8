ALTER TABLE "expert_profiles" ALTER COLUMN "public_fields" SET DEFAULT '{photo,bio,links,references,languages}';--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "photo_key" text;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "photo_mime" text;