ALTER TABLE "jobs" ADD COLUMN "data_subjects" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "data_categories" text[] DEFAULT '{}' NOT NULL;