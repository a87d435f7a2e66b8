import { getFormatter, getTranslations } from "next-intl/server";
import { AttachmentList } from "@/components/attachments/AttachmentList";
import type { DisputeThreadMessage } from "@/lib/disputes/queries";

/**
 * A dispute's thread, oldest first, as plain text: each message says whose side it comes from
 * (client, expert, Compagnon) in words, not by colour alone, with its files.
 */
export async function DisputeThread({ messages }: { messages: DisputeThreadMessage[] }) {
  const [t, c, format] = await Promise.all([getTranslations("disputes"), getTranslations("conversation"), getFormatter()]);
  return (
    <section aria-labelledby="dispute-thread" className="flex flex-col gap-4">
      <h2 id="dispute-thread" className="text-xl font-semibold text-stone-900">
        {t("threadHeading")}
      </h2>
      {messages.length === 0 ? (
        <p className="text-stone-700">{t("threadEmpty")}</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {messages.map((message) => (
            <li
              key={message.id}
              className={`flex flex-col gap-2 rounded-lg p-4 ${message.side === "admin" ? "border-2 border-amber-700 bg-amber-50" : message.mine ? "border-2 border-brand-700 bg-brand-50" : "border border-stone-300 bg-white"}`}
            >
              <p className="text-sm text-stone-700">
                <span className="font-semibold text-stone-900">{t(`side_${message.side}`)}</span>
                {message.side !== "admin" ? <span> · {message.mine ? c("you") : (message.authorName ?? t("formerParticipant"))}</span> : null}
                <span aria-hidden="true"> · </span>
                <time dateTime={message.createdAt.toISOString()}>{format.dateTime(message.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
              </p>
              <p className="whitespace-pre-wrap text-stone-900 [overflow-wrap:anywhere]">{message.body}</p>
              <AttachmentList links={message.attachments} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
