import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { UnreadConversation } from "@/lib/conversations/queries";

/** Conversations with messages the actor has not read yet; hidden when there are none. */
export async function UnreadConversations({ conversations }: { conversations: UnreadConversation[] }) {
  if (conversations.length === 0) return null;
  const [t, c, format] = await Promise.all([getTranslations("dashboard"), getTranslations("conversation"), getFormatter()]);
  return (
    <section aria-labelledby="unread-conversations" className="rounded-lg border border-brand-700 bg-brand-50 p-6">
      <h2 id="unread-conversations" className="text-xl font-semibold">
        {t("unreadMessages")}
      </h2>
      <ul className="mt-3 divide-y divide-stone-200">
        {conversations.map((conversation) => (
          <li key={conversation.bidId} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
            <Link href={`/jobs/${conversation.jobId}/bids/${conversation.bidId}`} className="font-semibold underline">
              {t("conversationWith", { party: conversation.otherPartyName, job: conversation.jobTitle })}
            </Link>
            <span>
              {c("unreadCount", { count: conversation.unreadCount })}
              {conversation.lastMessageAt ? ` · ${format.dateTime(conversation.lastMessageAt, { dateStyle: "medium", timeStyle: "short" })}` : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
