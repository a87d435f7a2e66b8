CREATE TYPE "public"."retainer_extra_hours_status" AS ENUM('submitted', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."retainer_ticket_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TABLE "retainer_extra_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"retainer_month_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"minutes" integer NOT NULL,
	"extra_hour_cents" integer NOT NULL,
	"amount_cents" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" "retainer_extra_hours_status" DEFAULT 'submitted' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"auto_approve_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_id" uuid,
	CONSTRAINT "retainer_extra_hours_positive" CHECK ("retainer_extra_hours"."minutes" > 0 and "retainer_extra_hours"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "retainer_ticket_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"author_id" uuid,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retainer_ticket_message_side" CHECK ("retainer_ticket_messages"."side" in ('client', 'expert'))
);
--> statement-breakpoint
CREATE TABLE "retainer_ticket_time" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"expert_user_id" uuid,
	"minutes" integer NOT NULL,
	"note" text NOT NULL,
	"worked_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retainer_ticket_time_minutes" CHECK ("retainer_ticket_time"."minutes" > 0 and "retainer_ticket_time"."minutes" <= 1440)
);
--> statement-breakpoint
CREATE TABLE "retainer_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"opened_by_id" uuid,
	"title" text NOT NULL,
	"severity" text NOT NULL,
	"software" text NOT NULL,
	"description" text NOT NULL,
	"status" "retainer_ticket_status" DEFAULT 'open' NOT NULL,
	"target_hours" integer NOT NULL,
	"response_due_at" timestamp with time zone NOT NULL,
	"first_response_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"reopened_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retainer_ticket_severity" CHECK ("retainer_tickets"."severity" in ('critical', 'high', 'normal', 'low')),
	CONSTRAINT "retainer_ticket_target_positive" CHECK ("retainer_tickets"."target_hours" > 0)
);
--> statement-breakpoint
ALTER TABLE "retainer_extra_hours" ADD CONSTRAINT "retainer_extra_hours_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainer_extra_hours" ADD CONSTRAINT "retainer_extra_hours_retainer_month_id_retainer_months_id_fk" FOREIGN KEY ("retainer_month_id") REFERENCES "public"."retainer_months"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainer_extra_hours" ADD CONSTRAINT "retainer_extra_hours_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainer_ticket_messages" ADD CONSTRAINT "retainer_ticket_messages_ticket_id_retainer_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."retainer_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainer_ticket_messages" ADD CONSTRAINT "retainer_ticket_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainer_ticket_time" ADD CONSTRAINT "retainer_ticket_time_ticket_id_retainer_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."retainer_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainer_ticket_time" ADD CONSTRAINT "retainer_ticket_time_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainer_tickets" ADD CONSTRAINT "retainer_tickets_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retainer_tickets" ADD CONSTRAINT "retainer_tickets_opened_by_id_users_id_fk" FOREIGN KEY ("opened_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "retainer_extra_hours_one_per_month" ON "retainer_extra_hours" USING btree ("retainer_month_id");--> statement-breakpoint
CREATE INDEX "retainer_extra_hours_contract_id_period_start_index" ON "retainer_extra_hours" USING btree ("contract_id","period_start");--> statement-breakpoint
CREATE INDEX "retainer_extra_hours_decided_by_id_index" ON "retainer_extra_hours" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "retainer_extra_hours_due" ON "retainer_extra_hours" USING btree ("auto_approve_at") WHERE "retainer_extra_hours"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "retainer_ticket_messages_ticket_id_created_at_index" ON "retainer_ticket_messages" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "retainer_ticket_messages_author_id_index" ON "retainer_ticket_messages" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "retainer_ticket_time_ticket_id_index" ON "retainer_ticket_time" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "retainer_ticket_time_expert_user_id_index" ON "retainer_ticket_time" USING btree ("expert_user_id");--> statement-breakpoint
CREATE INDEX "retainer_tickets_contract_id_created_at_index" ON "retainer_tickets" USING btree ("contract_id","created_at");--> statement-breakpoint
CREATE INDEX "retainer_tickets_opened_by_id_index" ON "retainer_tickets" USING btree ("opened_by_id");--> statement-breakpoint
CREATE INDEX "retainer_tickets_waiting" ON "retainer_tickets" USING btree ("response_due_at") WHERE "retainer_tickets"."first_response_at" is null and "retainer_tickets"."breached_at" is null;