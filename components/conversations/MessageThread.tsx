import { getFormatter, getTranslations } from "next-intl/server";
import { AttachmentList } from "@/components/attachments/AttachmentList";
import type { AttachmentLink } from "@/lib/attachments/store";
import { ReportLink } from "@/components/moderation/ReportLink";

export interface ThreadMessage {
  id: string;
  body: string;
  createdAt: Date;
  authorName: string | null;
  authorSide: "expert" | "client" | null;
  mine: boolean;
  attachments: AttachmentLink[];
}

interface MessageThreadProps {
  messages: ThreadMessage[];
  /** How far the other side has read; "Read" shows under the last own message it covers. */
  otherSideReadAt: Date | null;
  viewerSide: "expert" | "client";
  organizationName: string;
  /** Messages a moderation decision took down: shown as removed. */
  removedIds: Set<string>;
  /** The page's path, prefilled in the notice form of each message of the other side. */
  reportFrom: string;
}

/**
 * A bid's messages, oldest first, as plain text with line breaks kept (never HTML or
 * markdown). Own messages stand apart by their label ("You"), their side and their border,
 * not by colour alone.
 */
export async function MessageThread({ messages, otherSideReadAt, viewerSide, organizationName, removedIds, reportFrom }: MessageThreadProps) {
  const [t, format, m] = await Promise.all([getTranslations("conversation"), getFormatter(), getTranslations("moderation")]);
  const lastOwn = messages.findLast((m) => m.mine);
  const readShown = lastOwn && otherSideReadAt && otherSideReadAt.getTime() >= lastOwn.createdAt.getTime() ? lastOwn.id : null;
  return (
    <section aria-labelledby="thread-title" className="flex flex-col gap-4">
      <h2 id="thread-title" className="text-xl font-semibold text-stone-900">
        {t("threadTitle")}
      </h2>
      {messages.length === 0 ? (
        <p className="text-stone-700">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {messages.map((message) => {
            const role = message.authorSide === "expert" ? t("roleExpert") : message.authorSide === "client" ? organizationName : null;
            const name = message.mine ? t("you") : (message.authorName ?? t("formerParticipant"));
            return (
              <li
                key={message.id}
                className={`flex max-w-[85%] flex-col gap-1 rounded-lg p-4 ${
                  message.mine ? "self-end border-2 border-r-8 border-brand-700 bg-brand-50" : "self-start border border-stone-300 bg-white"
                }`}
              >
                <p className="text-sm text-stone-700">
                  {message.mine ? <span className="sr-only">{t("ownMessage")} – </span> : null}
                  <span className="font-semibold text-stone-900">{name}</span>
                  {role && !message.mine ? <span> · {role}</span> : null}
                  <span aria-hidden="true"> · </span>
                  <time dateTime={message.createdAt.toISOString()}>{format.dateTime(message.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                </p>
                {removedIds.has(message.id) ? (
                  <p className="italic text-stone-700">{m("messageRemoved")}</p>
                ) : (
                  <p className="whitespace-pre-wrap text-stone-900 [overflow-wrap:anywhere]">{message.body}</p>
                )}
                {removedIds.has(message.id) ? null : <AttachmentList links={message.attachments} />}
                {message.mine || removedIds.has(message.id) ? null : <ReportLink type="message" id={message.id} from={reportFrom} />}
                {readShown === message.id ? (
                  <p className="text-right text-sm font-medium text-brand-900">
                    <span aria-hidden="true">✓ </span>
                    {viewerSide === "client" ? t("readByExpert") : t("readByClient")}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
