import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import {
  accounts,
  attachments,
  billingMandates,
  bids,
  conversationParticipants,
  disputeMessages,
  emailOutbox,
  notifications,
  notificationSettings,
  evidenceFiles,
  expertProfiles,
  expertReferences,
  expertSkills,
  expertTaxDetails,
  invoices,
  jobs,
  messages,
  organizationInvitations,
  organizationMembers,
  payoutAccounts,
  reviews,
  transfers,
  sessions,
  verificationRequests,
  verificationTokens,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { declineActiveBids } from "@/lib/bids/decline-active-bids";
import { nextJobStatus } from "@/lib/jobs/job-machine";
import { isLastMember, type MembershipPlan } from "./erase-checks";

/** What an erased expert's profile shows where it still appears (contracts, conversations). */
export const ERASED_DISPLAY_NAME = "Compte supprimé";
/** What replaces the body of every message the person wrote. */
export const ERASED_MESSAGE_BODY = "[message supprimé]";
/** Placeholder for NOT NULL identity columns (billing mandate) once cleared. */
export const ERASED_PLACEHOLDER = "—";

/** The address an erased account keeps: unique, and never deliverable (RFC 2606 `.invalid`). */
export function erasedEmail(userId: string): string {
  return `erased+${userId}@invalid`;
}

/** The expert side: profile anonymised and out of the directory, files listed for deletion, bids withdrawn. */
export async function eraseExpertSide(tx: Transaction, userId: string): Promise<{ fileKeys: string[]; withdrawnBids: number }> {
  const fileKeys: string[] = [];
  const [profile] = await tx.select().from(expertProfiles).where(eq(expertProfiles.userId, userId)).for("update");
  if (profile) {
    if (profile.photoKey) fileKeys.push(profile.photoKey);
    const evidence = await tx.delete(evidenceFiles).where(eq(evidenceFiles.profileId, profile.id)).returning({ key: evidenceFiles.storageKey });
    fileKeys.push(...evidence.map((e) => e.key));
    await tx.delete(expertSkills).where(eq(expertSkills.profileId, profile.id));
    await tx.delete(expertReferences).where(eq(expertReferences.profileId, profile.id));
    await tx.delete(verificationRequests).where(eq(verificationRequests.profileId, profile.id));
    await tx
      .update(expertProfiles)
      .set({
        slug: `compte-${randomBytes(8).toString("hex")}`,
        displayName: ERASED_DISPLAY_NAME,
        headline: "",
        bio: "",
        serviceKinds: [],
        dailyRateCents: null,
        departments: [],
        remoteOk: false,
        languages: [],
        legalForm: null,
        siret: null,
        vatRegime: null,
        vatNumber: null,
        tradeRegister: null,
        tradeRegisterPlace: null,
        shareCapitalCents: null,
        insurer: null,
        insurancePolicyNumber: null,
        insuranceExpiresOn: null,
        photoKey: null,
        photoMime: null,
        links: {},
        publicFields: [],
        status: "suspended",
        statusReason: null,
        urssafReminderFor: null,
        searchText: "",
        updatedAt: new Date(),
      })
      .where(eq(expertProfiles.id, profile.id));
  }
  // An erased expert cannot honour a bid: the ones still open (submitted or shortlisted) are withdrawn.
  const withdrawn = await tx
    .update(bids)
    .set({ status: "withdrawn", updatedAt: new Date() })
    .where(and(eq(bids.expertUserId, userId), inArray(bids.status, ["submitted", "shortlisted"])))
    .returning({ id: bids.id });

  // Issued invoices keep their own snapshot of the seller; the mandate row stays only as proof of
  // the mandate (version, text hash, date) under which they were issued, without the identity.
  const [issued] = await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.expertUserId, userId)).limit(1);
  if (issued) {
    await tx
      .update(billingMandates)
      .set({ legalName: ERASED_PLACEHOLDER, addressLine1: ERASED_PLACEHOLDER, addressLine2: null, postalCode: ERASED_PLACEHOLDER, city: ERASED_PLACEHOLDER })
      .where(eq(billingMandates.userId, userId));
  } else {
    await tx.delete(billingMandates).where(eq(billingMandates.userId, userId));
  }
  // DAC7: what was declared for a paid expert is kept (the platform must keep its records for
  // five years, art. 8ac of Directive 2011/16/EU as amended by 2021/514); otherwise it goes.
  const [paidOnce] = await tx.select({ id: transfers.id }).from(transfers).where(eq(transfers.expertUserId, userId)).limit(1);
  if (!paidOnce) await tx.delete(expertTaxDetails).where(eq(expertTaxDetails.userId, userId));
  await tx.delete(payoutAccounts).where(eq(payoutAccounts.userId, userId));
  return { fileKeys, withdrawnBids: withdrawn.length };
}

/**
 * The client side: the person leaves every organisation. Where they were the last member, the
 * organisation stays (its invoices and contracts reference it), its drafts and open jobs are
 * cancelled (bids declined, experts told) and its pending invitations revoked.
 */
export async function leaveOrganizations(tx: Transaction, userId: string, memberships: MembershipPlan[]): Promise<{ cancelledJobs: number }> {
  let cancelledJobs = 0;
  const now = new Date();
  for (const membership of memberships.filter(isLastMember)) {
    const open = await tx
      .select({ id: jobs.id, title: jobs.title, status: jobs.status })
      .from(jobs)
      .where(and(eq(jobs.organizationId, membership.organizationId), inArray(jobs.status, ["draft", "open"])));
    for (const job of open) {
      const next = nextJobStatus(job.status, "cancel");
      if (!next) continue;
      await tx.update(jobs).set({ status: next, closedAt: now, updatedAt: now }).where(eq(jobs.id, job.id));
      await declineActiveBids(tx, job, "jobCancelled");
      await recordAudit(tx, { actorId: userId, action: "job.cancel", subjectType: "job", subjectId: job.id, fromStatus: job.status, toStatus: next, reason: "account erased" });
      cancelledJobs += 1;
    }
    await tx
      .update(organizationInvitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(organizationInvitations.organizationId, membership.organizationId),
          isNull(organizationInvitations.acceptedAt),
          isNull(organizationInvitations.revokedAt),
        ),
      );
  }
  await tx.delete(organizationMembers).where(eq(organizationMembers.userId, userId));
  return { cancelledJobs };
}

/** Locks the organisations' draft and open jobs, so that no bid is accepted on them meanwhile. */
export async function lockOpenJobs(tx: Transaction, organizationIds: string[]): Promise<void> {
  if (organizationIds.length === 0) return;
  await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(inArray(jobs.organizationId, organizationIds), inArray(jobs.status, ["draft", "open"])))
    .for("update");
}

/** Same key as the sign-in limiter (lib/auth/sign-in-request.ts): a hash of the address. */
function signInBucketKey(email: string): string {
  return `signin:email:${createHash("sha256").update(email).digest("hex").slice(0, 32)}`;
}

/**
 * Everything else that names or identifies the person: what they wrote to others (messages and
 * the files sent with them, dispute threads, review comments), their sign-in traces, invitations
 * and emails sent to their address, and the address inside test-mode and provider records.
 * Files of deliveries, disputes and support tickets stay: they are the contract's record. Returns the storage
 * keys to delete after the commit.
 */
export async function eraseTraces(tx: Transaction, user: { id: string; email: string }, newEmail: string): Promise<{ fileKeys: string[] }> {
  const email = user.email;
  await tx.update(messages).set({ body: ERASED_MESSAGE_BODY }).where(eq(messages.authorId, user.id));
  await tx.update(disputeMessages).set({ body: ERASED_MESSAGE_BODY }).where(eq(disputeMessages.authorId, user.id));
  const messageFiles = await tx
    .delete(attachments)
    .where(and(eq(attachments.uploadedById, user.id), isNotNull(attachments.messageId)))
    .returning({ key: attachments.storageKey });
  await tx.delete(conversationParticipants).where(eq(conversationParticipants.userId, user.id));
  await tx.update(reviews).set({ comment: "" }).where(eq(reviews.authorId, user.id));

  await tx.delete(sessions).where(eq(sessions.userId, user.id));
  await tx.delete(accounts).where(eq(accounts.userId, user.id));
  await tx.delete(verificationTokens).where(sql`lower(${verificationTokens.identifier}) = lower(${email})`);
  await tx.delete(organizationInvitations).where(sql`lower(${organizationInvitations.email}) = lower(${email})`);
  await tx.execute(sql`delete from rate_limit_buckets where key = ${signInBucketKey(email.toLowerCase())} or strpos(lower(key), lower(${email})) > 0`);
  // Pending ones too: their delivery job finds nothing and stops.
  await tx.delete(emailOutbox).where(sql`lower(${emailOutbox.toAddress}) = lower(${email})`);
  await tx.delete(notifications).where(eq(notifications.userId, user.id));
  await tx.delete(notificationSettings).where(eq(notificationSettings.userId, user.id));

  // The address inside test-mode objects and received provider events (e.g. a Checkout
  // session's customer email). The address is plain JSON text (no character needs escaping).
  const quoted = JSON.stringify(email);
  const replacement = JSON.stringify(newEmail);
  await tx.execute(sql`update test_mode_objects set data = replace(data::text, ${quoted}, ${replacement})::jsonb
    where strpos(data::text, ${quoted}) > 0`);
  await tx.execute(sql`update stripe_events set payload = replace(payload::text, ${quoted}, ${replacement})::jsonb
    where strpos(payload::text, ${quoted}) > 0`);
  return { fileKeys: messageFiles.map((f) => f.key) };
}
