-- pg_trgm (a contrib extension shipped with PostgreSQL and embedded-postgres; trusted since PG 13): the searches' misspelling fallback.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "jobs_search_idx";--> statement-breakpoint
CREATE INDEX "accounts_user_id_index" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "organization_invitations_invited_by_id_index" ON "organization_invitations" USING btree ("invited_by_id");--> statement-breakpoint
CREATE INDEX "organizations_created_by_id_index" ON "organizations" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_id_index" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "expert_profiles_verified_search_idx" ON "expert_profiles" USING gin (to_tsvector('french', "search_text")) WHERE status = 'verified';--> statement-breakpoint
CREATE INDEX "verification_requests_decided_by_id_index" ON "verification_requests" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "job_nda_acceptances_user_id_index" ON "job_nda_acceptances" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "jobs_created_by_id_index" ON "jobs" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "jobs_open_search_idx" ON "jobs" USING gin ("search") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "bids_profile_id_index" ON "bids" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "bids_job_id_index" ON "bids" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "contract_document_acceptances_user_id_index" ON "contract_document_acceptances" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "contracts_profile_id_index" ON "contracts" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "contracts_accepted_by_id_index" ON "contracts" USING btree ("accepted_by_id");--> statement-breakpoint
CREATE INDEX "reviews_author_id_index" ON "reviews" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "messages_author_id_index" ON "messages" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "disputes_contract_id_index" ON "disputes" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "disputes_milestone_id_index" ON "disputes" USING btree ("milestone_id");--> statement-breakpoint
CREATE INDEX "disputes_opened_by_id_index" ON "disputes" USING btree ("opened_by_id");--> statement-breakpoint
CREATE INDEX "disputes_settled_by_id_index" ON "disputes" USING btree ("settled_by_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_milestone_id_index" ON "ledger_entries" USING btree ("milestone_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_contract_id_index" ON "ledger_entries" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "payments_milestone_id_index" ON "payments" USING btree ("milestone_id");--> statement-breakpoint
CREATE INDEX "payments_created_by_id_index" ON "payments" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "payments_contract_id_index" ON "payments" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "refunds_payment_id_index" ON "refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "transfers_contract_id_index" ON "transfers" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "invoices_transfer_id_index" ON "invoices" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "invoices_contract_id_index" ON "invoices" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "support_messages_author_id_index" ON "support_messages" USING btree ("author_id");