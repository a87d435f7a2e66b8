import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { attachmentsByOwner, type AttachmentLink } from "@/lib/attachments/store";
import {
  bidMilestones,
  bids,
  conversationParticipants,
  conversations,
  expertProfiles,
  jobs,
  messages,
  organizationMembers,
  organizations,
  users,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { BidSummary } from "@/lib/bids/bid-summary";
import { requireUser } from "@/lib/auth/policy";
import { isUuidLike } from "@/lib/ids";
import { splitCommission } from "@/lib/money/commission";
import { bidAccess, type ConversationSide } from "./access";

export interface ConversationMessage {
  /** Files sent with the message (links to the download route, which checks access again). */
  attachments: AttachmentLink[];
  id: string;
  body: string;
  createdAt: Date;
  /** Null once the author's account is deleted. */
  authorName: string | null;
  authorSide: "expert" | "client" | null;
  mine: boolean;
}

/** The bid as the conversation page summarises it (the fields BidDetails shows, and the job's). */
export interface ConversationBid extends BidSummary {
  jobId: string;
  jobTitle: string;
  organizationName: string;
}

export interface ConversationView {
  side: ConversationSide;
  canWrite: boolean;
  bid: ConversationBid;
  /** Oldest first. */
  messages: ConversationMessage[];
  /**
   * How far the other side has read: the expert's read position for a client member, the
   * furthest read position of the organisation's members for the expert; null if never read.
   */
  otherSideReadAt: Date | null;
}

/** A bid's conversation for its expert, the job's organisation members and admins (PolicyError otherwise). */
export async function getConversation(actor: Actor | null, bidId: string): Promise<ConversationView> {
  const access = await bidAccess(db, actor, bidId);
  const [bid] = await db
    .select({
      id: bids.id,
      status: bids.status,
      pricing: bids.pricing,
      totalCents: bids.totalCents,
      dailyRateCents: bids.dailyRateCents,
      days: bids.days,
      durationDays: bids.durationDays,
      startOn: bids.startOn,
      method: bids.method,
      commissionBps: bids.commissionBps,
      declineReason: bids.declineReason,
      expertName: expertProfiles.displayName,
      expertSlug: expertProfiles.slug,
    })
    .from(bids)
    .innerJoin(expertProfiles, eq(expertProfiles.id, bids.profileId))
    .where(eq(bids.id, access.bidId));
  if (!bid) throw new Error(`bid ${access.bidId} vanished`);
  const milestones = await db
    .select({ title: bidMilestones.title, amountCents: bidMilestones.amountCents, dueOn: bidMilestones.dueOn })
    .from(bidMilestones)
    .where(eq(bidMilestones.bidId, bid.id))
    .orderBy(asc(bidMilestones.position));
  const { commissionBps, ...facts } = bid;
  const summary: ConversationBid = {
    ...facts,
    ...splitCommission(bid.totalCents, commissionBps),
    milestones,
    jobId: access.jobId,
    jobTitle: access.jobTitle,
    organizationName: access.organizationName,
  };

  const [conversation] = await db.select({ id: conversations.id }).from(conversations).where(eq(conversations.bidId, bid.id));
  if (!conversation) return { side: access.side, canWrite: access.canWrite, bid: summary, messages: [], otherSideReadAt: null };

  const rows = await db
    .select({
      id: messages.id,
      body: messages.body,
      createdAt: messages.createdAt,
      authorId: messages.authorId,
      userName: users.name,
      expertName: expertProfiles.displayName,
    })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorId))
    .leftJoin(expertProfiles, eq(expertProfiles.userId, messages.authorId))
    .where(eq(messages.conversationId, conversation.id))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const files = await attachmentsByOwner(db, "messageId", rows.map((row) => row.id));
  const view = rows.map((row): ConversationMessage => {
    const byExpert = row.authorId !== null && row.authorId === access.expertUserId;
    return {
      id: row.id,
      body: row.body,
      createdAt: row.createdAt,
      authorName: row.authorId === null ? null : byExpert ? row.expertName || row.userName || "" : row.userName || access.organizationName,
      authorSide: row.authorId === null ? null : byExpert ? "expert" : "client",
      mine: row.authorId === access.actor.id,
      attachments: files.get(row.id) ?? [],
    };
  });

  let otherSideReadAt: Date | null = null;
  if (access.side !== "admin") {
    const otherSide = access.side === "client" ? eq(conversationParticipants.userId, access.expertUserId) : ne(conversationParticipants.userId, access.expertUserId);
    const [read] = await db
      .select({ at: sql<Date | null>`max(${conversationParticipants.lastReadAt})`.mapWith(conversationParticipants.lastReadAt) })
      .from(conversationParticipants)
      .where(and(eq(conversationParticipants.conversationId, conversation.id), otherSide));
    otherSideReadAt = read?.at ?? null;
  }
  return { side: access.side, canWrite: access.canWrite, bid: summary, messages: view, otherSideReadAt };
}

/** The bids an expert or a client member takes part in; admins have no read state of their own. */
function participation(actor: Actor): SQL | null {
  if (actor.role === "expert") return eq(bids.expertUserId, actor.id);
  if (actor.role === "client") {
    return sql`exists (select 1 from ${organizationMembers} where ${organizationMembers.organizationId} = ${jobs.organizationId} and ${organizationMembers.userId} = ${actor.id})`;
  }
  return null;
}

/** Messages written by others after the actor's read position (all of them if never read). */
function unreadMessages(actor: Actor): SQL | undefined {
  return and(
    eq(messages.conversationId, conversations.id),
    sql`${messages.authorId} is distinct from ${actor.id}::uuid`,
    sql`(${conversationParticipants.lastReadAt} is null or ${messages.createdAt} > ${conversationParticipants.lastReadAt})`,
  );
}

/**
 * Unread messages per bid, for the bids among `bidIds` whose conversation the actor takes part
 * in (0 when none, left out when the actor may not see the bid).
 */
export async function unreadCountsForBids(actor: Actor | null, bidIds: string[]): Promise<Record<string, number>> {
  const user = requireUser(actor);
  const ids = [...new Set(bidIds.filter(isUuidLike))];
  const visible = participation(user);
  if (ids.length === 0 || !visible) return {};
  const rows = await db
    .select({ bidId: bids.id, unread: sql<number>`count(${messages.id})::int` })
    .from(bids)
    .innerJoin(jobs, eq(jobs.id, bids.jobId))
    .leftJoin(conversations, eq(conversations.bidId, bids.id))
    .leftJoin(conversationParticipants, and(eq(conversationParticipants.conversationId, conversations.id), eq(conversationParticipants.userId, user.id)))
    .leftJoin(messages, unreadMessages(user))
    .where(and(inArray(bids.id, ids), visible))
    .groupBy(bids.id);
  return Object.fromEntries(rows.map((row) => [row.bidId, Number(row.unread)]));
}

export interface UnreadConversation {
  bidId: string;
  jobId: string;
  jobTitle: string;
  /** The organisation for the expert, the expert's display name for a client member. */
  otherPartyName: string;
  unreadCount: number;
  lastMessageAt: Date | null;
}

/** The actor's conversations with unread messages, most recent first (for dashboards). */
export async function unreadConversationsForUser(actor: Actor | null, options: { limit?: number } = {}): Promise<UnreadConversation[]> {
  const user = requireUser(actor);
  const visible = participation(user);
  if (!visible) return [];
  const rows = await db
    .select({
      bidId: bids.id,
      jobId: jobs.id,
      jobTitle: jobs.title,
      expertName: expertProfiles.displayName,
      organizationName: organizations.legalName,
      lastMessageAt: conversations.lastMessageAt,
      unread: sql<number>`count(${messages.id})::int`,
    })
    .from(conversations)
    .innerJoin(bids, eq(bids.id, conversations.bidId))
    .innerJoin(jobs, eq(jobs.id, bids.jobId))
    .innerJoin(organizations, eq(organizations.id, jobs.organizationId))
    .innerJoin(expertProfiles, eq(expertProfiles.id, bids.profileId))
    .leftJoin(conversationParticipants, and(eq(conversationParticipants.conversationId, conversations.id), eq(conversationParticipants.userId, user.id)))
    .innerJoin(messages, unreadMessages(user))
    .where(and(visible, isNotNull(conversations.lastMessageAt)))
    .groupBy(bids.id, jobs.id, expertProfiles.id, organizations.id, conversations.id)
    .orderBy(desc(conversations.lastMessageAt))
    .limit(Math.min(Math.max(options.limit ?? 20, 1), 100));
  return rows.map((row) => ({
    bidId: row.bidId,
    jobId: row.jobId,
    jobTitle: row.jobTitle,
    otherPartyName: user.role === "expert" ? row.organizationName : row.expertName,
    unreadCount: Number(row.unread),
    lastMessageAt: row.lastMessageAt,
  }));
}
