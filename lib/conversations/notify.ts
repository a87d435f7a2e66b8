import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { conversationParticipants, organizationMembers, users } from "@/db/schema";
import { sendEmail } from "@/lib/email/send-email";
import type { BidAccess } from "./access";
import { appUrl } from "@/lib/http/app-url";

/** Each participant gets at most one email per conversation in this many minutes. */
export const MESSAGE_EMAIL_WINDOW_MINUTES = 15;

export function conversationUrl(jobId: string, bidId: string): string {
  return appUrl(`/jobs/${jobId}/bids/${bidId}`);
}

interface NewMessageNotice {
  access: BidAccess;
  conversationId: string;
  messageId: string;
  authorName: string;
}

/**
 * Who hears of a new message by email: every member of the client organisation when the expert
 * writes; only the expert when a client member writes (colleagues see it in the app). Never the
 * author, never a suspended account.
 */
async function recipientsOf(tx: Transaction, access: BidAccess) {
  const columns = { id: users.id, email: users.email, locale: users.locale };
  if (access.side === "expert") {
    return tx
      .select(columns)
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(and(eq(organizationMembers.organizationId, access.organizationId), isNull(users.suspendedAt)))
      .orderBy(asc(users.id));
  }
  return tx
    .select(columns)
    .from(users)
    .where(and(eq(users.id, access.expertUserId), isNull(users.suspendedAt)));
}

/**
 * Emails the other side about a new message, in the transaction that writes it. Each
 * recipient's participant row is locked (created when missing) so that concurrent messages
 * cannot both email: skipped when the last email is younger than the window. Returns the ids
 * of the users emailed.
 */
export async function notifyNewMessage(tx: Transaction, notice: NewMessageNotice): Promise<string[]> {
  const { access, conversationId, messageId, authorName } = notice;
  const emailed: string[] = [];
  for (const recipient of await recipientsOf(tx, access)) {
    if (recipient.id === access.actor.id) continue;
    const participant = and(eq(conversationParticipants.conversationId, conversationId), eq(conversationParticipants.userId, recipient.id));
    await tx.insert(conversationParticipants).values({ conversationId, userId: recipient.id }).onConflictDoNothing();
    const [row] = await tx
      .select({
        recent: sql<boolean>`coalesce(${conversationParticipants.lastNotifiedAt} > now() - make_interval(mins => ${MESSAGE_EMAIL_WINDOW_MINUTES}::int), false)`,
      })
      .from(conversationParticipants)
      .where(participant)
      .for("update");
    if (!row || row.recent) continue;
    await sendEmail(tx, {
      template: "new-message",
      to: recipient.email,
      idempotencyKey: `message:${messageId}:${recipient.id}`,
      props: {
        locale: recipient.locale,
        from: access.side === "expert" ? "expert" : "client",
        authorName,
        organizationName: access.organizationName,
        jobTitle: access.jobTitle,
        url: conversationUrl(access.jobId, access.bidId),
        windowMinutes: MESSAGE_EMAIL_WINDOW_MINUTES,
      },
    });
    await tx.update(conversationParticipants).set({ lastNotifiedAt: sql`now()` }).where(participant);
    emailed.push(recipient.id);
  }
  return emailed;
}
