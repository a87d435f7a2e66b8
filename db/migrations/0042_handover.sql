CREATE TYPE "public"."access_decision" AS ENUM('revoked', 'kept');--> statement-breakpoint
CREATE TYPE "public"."access_kind" AS ENUM('host', 'admin_account', 'vpn_key', 'dns', 'hosting_panel', 'software_admin', 'other');--> statement-breakpoint
CREATE TABLE "contract_accesses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" "access_kind" NOT NULL,
	"label" text NOT NULL,
	"holder" text NOT NULL,
	"since" date NOT NULL,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_id" uuid,
	"to_revoke" boolean DEFAULT false NOT NULL,
	"decision" "access_decision",
	"decided_at" timestamp with time zone,
	"decided_by_id" uuid,
	CONSTRAINT "contract_accesses_decision_dated" CHECK (("contract_accesses"."decision" is null) = ("contract_accesses"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "handover_packs" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"delivered_by_id" uuid,
	"architecture" text NOT NULL,
	"backups" text NOT NULL,
	"restore_procedure" text NOT NULL,
	"last_restore_test_on" date NOT NULL,
	"admin_accounts" text NOT NULL,
	"update_procedure" text NOT NULL,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" DROP CONSTRAINT "attachments_one_owner";--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "handover_contract_id" uuid;--> statement-breakpoint
ALTER TABLE "contract_accesses" ADD CONSTRAINT "contract_accesses_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_accesses" ADD CONSTRAINT "contract_accesses_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_accesses" ADD CONSTRAINT "contract_accesses_revoked_by_id_users_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_accesses" ADD CONSTRAINT "contract_accesses_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_packs" ADD CONSTRAINT "handover_packs_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_packs" ADD CONSTRAINT "handover_packs_delivered_by_id_users_id_fk" FOREIGN KEY ("delivered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_accesses_contract_id_created_at_index" ON "contract_accesses" USING btree ("contract_id","created_at");--> statement-breakpoint
CREATE INDEX "contract_accesses_recorded_by_id_index" ON "contract_accesses" USING btree ("recorded_by_id");--> statement-breakpoint
CREATE INDEX "contract_accesses_revoked_by_id_index" ON "contract_accesses" USING btree ("revoked_by_id");--> statement-breakpoint
CREATE INDEX "contract_accesses_decided_by_id_index" ON "contract_accesses" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "handover_packs_delivered_by_id_index" ON "handover_packs" USING btree ("delivered_by_id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_handover_contract_id_handover_packs_contract_id_fk" FOREIGN KEY ("handover_contract_id") REFERENCES "public"."handover_packs"("contract_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_handover_contract_id_index" ON "attachments" USING btree ("handover_contract_id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_one_owner" CHECK (num_nonnulls("attachments"."message_id", "attachments"."delivery_milestone_id", "attachments"."dispute_message_id", "attachments"."handover_contract_id") = 1);