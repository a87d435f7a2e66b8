CREATE TABLE "job_search_words" (
	"word" text PRIMARY KEY NOT NULL,
	"needs" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "job_search_words_empty" ON "job_search_words" USING btree ("word") WHERE "job_search_words"."needs" = 0;