ALTER TABLE "attachments" DROP CONSTRAINT "attachments_one_owner";--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "ticket_id" uuid;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "ticket_message_id" uuid;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_ticket_id_retainer_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."retainer_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_ticket_message_id_retainer_ticket_messages_id_fk" FOREIGN KEY ("ticket_message_id") REFERENCES "public"."retainer_ticket_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_ticket_id_index" ON "attachments" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "attachments_ticket_message_id_index" ON "attachments" USING btree ("ticket_message_id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_one_owner" CHECK (num_nonnulls("attachments"."message_id", "attachments"."delivery_milestone_id", "attachments"."dispute_message_id", "attachments"."handover_contract_id", "attachments"."ticket_id", "attachments"."ticket_message_id") = 1);