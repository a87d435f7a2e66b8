CREATE INDEX "attachments_uploaded_by_id_index" ON "attachments" USING btree ("uploaded_by_id");--> statement-breakpoint
CREATE INDEX "dispute_messages_author_id_index" ON "dispute_messages" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "legal_announcements_announced_by_id_index" ON "legal_announcements" USING btree ("announced_by_id");--> statement-breakpoint
CREATE INDEX "content_reports_reporter_id_index" ON "content_reports" USING btree ("reporter_id");--> statement-breakpoint
CREATE INDEX "content_reports_decided_by_id_index" ON "content_reports" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "decision_complaints_complainant_id_index" ON "decision_complaints" USING btree ("complainant_id");--> statement-breakpoint
CREATE INDEX "decision_complaints_decided_by_id_index" ON "decision_complaints" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "moderated_content_report_id_index" ON "moderated_content" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "statements_of_reasons_decided_by_id_index" ON "statements_of_reasons" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "statements_of_reasons_report_id_index" ON "statements_of_reasons" USING btree ("report_id");