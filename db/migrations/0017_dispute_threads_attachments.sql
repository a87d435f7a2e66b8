CREATE TYPE "public"."dispute_side" AS ENUM('client', 'expert', 'admin');--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid,
	"delivery_milestone_id" uuid,
	"dispute_message_id" uuid,
	"uploaded_by_id" uuid,
	"original_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "attachments_one_owner" CHECK (num_nonnulls("attachments"."message_id", "attachments"."delivery_milestone_id", "attachments"."dispute_message_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "dispute_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"author_id" uuid,
	"side" "dispute_side" NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "response_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "client_ready_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "expert_ready_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_delivery_milestone_id_contract_milestones_id_fk" FOREIGN KEY ("delivery_milestone_id") REFERENCES "public"."contract_milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_dispute_message_id_dispute_messages_id_fk" FOREIGN KEY ("dispute_message_id") REFERENCES "public"."dispute_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_messages" ADD CONSTRAINT "dispute_messages_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_messages" ADD CONSTRAINT "dispute_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_message_id_index" ON "attachments" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "attachments_delivery_milestone_id_index" ON "attachments" USING btree ("delivery_milestone_id");--> statement-breakpoint
CREATE INDEX "attachments_dispute_message_id_index" ON "attachments" USING btree ("dispute_message_id");--> statement-breakpoint
CREATE INDEX "dispute_messages_dispute_id_created_at_index" ON "dispute_messages" USING btree ("dispute_id","created_at");--> statement-breakpoint
-- Disputes opened before the thread existed: the client's statement becomes its first message.
INSERT INTO "dispute_messages" ("dispute_id", "author_id", "side", "body", "created_at")
SELECT "id", "opened_by_id", 'client', "text", "created_at" FROM "disputes" WHERE "opened_by_id" IS NOT NULL AND "text" <> '';
