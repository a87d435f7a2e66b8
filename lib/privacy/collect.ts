import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";

/**
 * Everything Compagnon holds about one person, and the records of their organisations they may
 * see in the app, as plain JSON (GDPR art. 15 and 20). Credentials are left out: session and
 * sign-in tokens, second-factor secrets and codes, invitation and support link hashes, email
 * bodies (they may hold sign-in links).
 */
export interface CollectedData {
  generatedAt: string;
  sections: Record<string, unknown[]>;
  /** The person's own stored files, to add to the archive. */
  files: { storageKey: string; name: string }[];
}

async function rows(executor: Executor, query: SQL): Promise<unknown[]> {
  const result = await executor.execute<{ rows: unknown[] }>(sql`select coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) as rows from (${query}) t`);
  return result[0]?.rows ?? [];
}

export async function collectPersonData(executor: Executor, userId: string): Promise<CollectedData> {
  const me = sql`${userId}::uuid`;
  const myOrgs = sql`(select organization_id from organization_members where user_id = ${me})`;
  const myProfile = sql`(select id from expert_profiles where user_id = ${me})`;
  const myContracts = sql`(select id from contracts where expert_user_id = ${me} or organization_id in ${myOrgs})`;
  const myBids = sql`(select b.id from bids b join jobs j on j.id = b.job_id where b.expert_user_id = ${me} or j.organization_id in ${myOrgs})`;
  const q: Record<string, SQL> = {
    account: sql`select id, name, email, role, locale, email_verified, suspended_at, created_at from users where id = ${me}`,
    expertProfile: sql`select * from expert_profiles where user_id = ${me}`,
    expertSkills: sql`select * from expert_skills where profile_id in ${myProfile}`,
    expertReferences: sql`select * from expert_references where profile_id in ${myProfile}`,
    evidenceFiles: sql`select id, kind, label, original_name, mime_type, size_bytes, issued_on, uploaded_at from evidence_files where profile_id in ${myProfile}`,
    verificationRequests: sql`select * from verification_requests where profile_id in ${myProfile}`,
    billingMandates: sql`select * from billing_mandates where user_id = ${me}`,
    payoutAccounts: sql`select * from payout_accounts where user_id = ${me}`,
    organizations: sql`select * from organizations where id in ${myOrgs}`,
    organizationMembers: sql`select m.organization_id, m.role, u.name, u.email from organization_members m join users u on u.id = m.user_id where m.organization_id in ${myOrgs}`,
    jobs: sql`select * from jobs where organization_id in ${myOrgs}`,
    ndaAcceptances: sql`select * from job_nda_acceptances where user_id = ${me}`,
    bids: sql`select * from bids where id in ${myBids}`,
    bidMilestones: sql`select * from bid_milestones where bid_id in ${myBids}`,
    messages: sql`select c.bid_id, m.id, m.author_id = ${me} as mine, m.body, m.created_at from messages m join conversations c on c.id = m.conversation_id where c.bid_id in ${myBids} order by m.created_at`,
    contracts: sql`select * from contracts where id in ${myContracts}`,
    contractMilestones: sql`select * from contract_milestones where contract_id in ${myContracts}`,
    documentAcceptances: sql`select * from contract_document_acceptances where user_id = ${me}`,
    reviews: sql`select * from reviews where contract_id in ${myContracts}`,
    payments: sql`select * from payments where contract_id in ${myContracts}`,
    transfers: sql`select * from transfers where contract_id in ${myContracts}`,
    disputes: sql`select * from disputes where contract_id in ${myContracts}`,
    invoices: sql`select id, kind, role, number, issue_date, contract_id, milestone_id, ex_vat_cents, vat_cents, incl_vat_cents, payment_reference, created_at from invoices where expert_user_id = ${me} or (role = 'service' and organization_id in ${myOrgs})`,
    supportThreads: sql`select id, topic, subject, status, created_at from support_threads where requester_id = ${me}`,
    supportMessages: sql`select s.thread_id, s.from_platform, s.body, s.created_at from support_messages s join support_threads t on t.id = s.thread_id where t.requester_id = ${me} order by s.created_at`,
    auditLog: sql`select action, subject_type, subject_id, from_status, to_status, reason, created_at, actor_id = ${me} as by_me from audit_log where actor_id = ${me} or subject_id = ${userId} order by created_at`,
    emailsSent: sql`select template, subject, locale, status, created_at from email_outbox where to_address = (select email from users where id = ${me}) order by created_at`,
    disputeMessages: sql`select dispute_id, side, body, created_at from dispute_messages where author_id = ${me} order by created_at`,
    attachmentsSent: sql`select id, original_name, mime_type, size_bytes, created_at from attachments where uploaded_by_id = ${me} order by created_at`,
    legalAcceptances: sql`select document, version, accepted_at from legal_acceptances where user_id = ${me} order by accepted_at`,
    taxDetails: sql`select first_name, last_name, birth_date, birth_city, iban, updated_at from expert_tax_details where user_id = ${me}`,
    decisionsAboutMe: sql`select id, restriction, subject_type, facts, ground, automated, reversed_at, created_at from statements_of_reasons where user_id = ${me} order by created_at`,
    reportsMade: sql`select id, target_type, reason, created_at from content_reports where reporter_id = ${me} order by created_at`,
    notifications: sql`select category, template, title, link, created_at, read_at from notifications where user_id = ${me} order by created_at`,
    notificationSettings: sql`select category, email, updated_at from notification_settings where user_id = ${me}`,
  };
  const sections: Record<string, unknown[]> = {};
  for (const [name, query] of Object.entries(q)) sections[name] = await rows(executor, query);

  const files: CollectedData["files"] = [];
  const evidence = await executor.execute<{ id: string; storage_key: string; original_name: string }>(
    sql`select id, storage_key, original_name from evidence_files where profile_id in ${myProfile}`,
  );
  for (const row of evidence) files.push({ storageKey: row.storage_key, name: `evidence/${row.id}-${safeName(row.original_name)}` });
  const sent = await executor.execute<{ id: string; storage_key: string; original_name: string }>(
    sql`select id, storage_key, original_name from attachments where uploaded_by_id = ${me}`,
  );
  for (const row of sent) files.push({ storageKey: row.storage_key, name: `attachments/${row.id}-${safeName(row.original_name)}` });
  const photo = await executor.execute<{ photo_key: string | null; photo_mime: string | null }>(sql`select photo_key, photo_mime from expert_profiles where user_id = ${me}`);
  if (photo[0]?.photo_key) files.push({ storageKey: photo[0].photo_key, name: `photo.${photo[0].photo_mime === "image/png" ? "png" : "jpg"}` });
  return { generatedAt: new Date().toISOString(), sections, files };
}

/** A file name safe inside a ZIP on every system: letters, digits, dot, dash, underscore. */
export function safeName(name: string): string {
  return name.normalize("NFKD").replace(/[^\w.-]+/g, "_").replace(/^\.+/, "").slice(0, 100) || "file";
}
