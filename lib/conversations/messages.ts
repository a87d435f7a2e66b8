import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { conversationParticipants, conversations, expertProfiles, messages, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { fieldErrors } from "@/lib/actions/field-errors";
import { checkAttachment, insertAttachment, withStoredFile, type UploadedFile } from "@/lib/attachments/store";
import { fail, ok, type Result } from "@/lib/result";
import { bidAccess, type BidAccess } from "./access";
import { notifyNewMessage } from "./notify";
import { messageSchema } from "./schemas";

export type PostMessageError = "invalid" | "read_only";

/** The name the other side sees: the expert's public display name, a client member's name. */
async function authorName(tx: Transaction, access: BidAccess): Promise<string> {
  if (access.side === "expert") {
    const [profile] = await tx.select({ name: expertProfiles.displayName }).from(expertProfiles).where(eq(expertProfiles.userId, access.actor.id));
    return profile?.name || access.actor.name || "";
  }
  const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, access.actor.id));
  return user?.name || access.organizationName;
}

/** Sets the user's read position to `at` (never backwards), creating the participant row. */
async function markRead(tx: Transaction, conversationId: string, userId: string, at: SQL) {
  await tx
    .insert(conversationParticipants)
    .values({ conversationId, userId, lastReadAt: at })
    .onConflictDoUpdate({
      target: [conversationParticipants.conversationId, conversationParticipants.userId],
      set: { lastReadAt: sql`greatest(${conversationParticipants.lastReadAt}, excluded.last_read_at)` },
    });
}

/**
 * Posts a message in a bid's conversation (created with its first message), read for its
 * author; the other side is emailed in the same transaction, at most once per conversation per
 * window. The bid's expert and the job's organisation members write; admins only read;
 * a withdrawn bid's conversation is read-only. An optional file is checked, then stored before
 * the transaction (and removed again if the message is refused).
 */
export async function postMessage(
  actor: Actor | null,
  input: { bidId: string; body: string; file?: UploadedFile | null },
): Promise<Result<{ messageId: string; conversationId: string; jobId: string }, PostMessageError>> {
  const checked = checkAttachment(input.file);
  // The policy before the file is written: a stranger's upload never reaches storage.
  if (checked.ok && checked.file && (await bidAccess(db, actor, input.bidId)).side === "admin") throw new PolicyError("forbidden");
  return withStoredFile(checked.ok ? checked.file : null, (stored) => db.transaction(async (tx) => {
    const access = await bidAccess(tx, actor, input.bidId);
    if (access.side === "admin") throw new PolicyError("forbidden");
    if (!access.canWrite) return fail("read_only");
    const parsed = messageSchema.safeParse({ body: input.body });
    const fields = parsed.success ? {} : fieldErrors(parsed.error);
    if (!checked.ok) fields.file = checked.error;
    if (!parsed.success || !checked.ok) return fail("invalid", fields);

    // One row per bid, even when both sides write first at the same moment; the row stays
    // locked until commit, so one conversation's messages are written one after the other.
    const [conversation] = await tx
      .insert(conversations)
      .values({ bidId: access.bidId })
      .onConflictDoUpdate({ target: conversations.bidId, set: { bidId: sql`excluded.bid_id` } })
      .returning({ id: conversations.id });
    if (!conversation) throw new Error("conversation upsert returned nothing");
    // clock_timestamp(): taken after the lock, so messages are dated in the order they commit.
    const [message] = await tx
      .insert(messages)
      .values({ conversationId: conversation.id, authorId: access.actor.id, body: parsed.data.body, createdAt: sql`clock_timestamp()` })
      .returning({ id: messages.id });
    if (!message) throw new Error("message insert returned nothing");
    await insertAttachment(tx, stored, { messageId: message.id }, access.actor.id);
    // The exact (microsecond) time of the message, read back in SQL rather than through a JS Date.
    const postedAt = sql`(select ${messages.createdAt} from ${messages} where ${messages.id} = ${message.id})`;
    await tx
      .update(conversations)
      .set({ lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${postedAt})` })
      .where(eq(conversations.id, conversation.id));
    await markRead(tx, conversation.id, access.actor.id, postedAt);
    await notifyNewMessage(tx, { access, conversationId: conversation.id, messageId: message.id, authorName: await authorName(tx, access) });
    return ok({ messageId: message.id, conversationId: conversation.id, jobId: access.jobId });
  }));
}

/**
 * The actor has read the conversation up to now. Idempotent; nothing to do before the first
 * message. Admins read without leaving a trace in either side's read state. Call it before
 * getConversation: every message it marks read is then in what getConversation returns.
 */
export async function markConversationRead(actor: Actor | null, input: { bidId: string }): Promise<Result<void, never>> {
  return db.transaction(async (tx) => {
    const access = await bidAccess(tx, actor, input.bidId);
    if (access.side === "admin") return ok(undefined);
    // FOR SHARE waits for messages being posted, so that none is marked read before it is visible.
    const [conversation] = await tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.bidId, access.bidId)).for("share");
    if (!conversation) return ok(undefined);
    await markRead(tx, conversation.id, access.actor.id, sql`clock_timestamp()`);
    return ok(undefined);
  });
}
