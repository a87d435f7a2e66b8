import { getFormatter, getTranslations } from "next-intl/server";

export interface SupportThreadMessage {
  id: string;
  body: string;
  fromPlatform: boolean;
  createdAt: Date;
  adminName: string | null;
}

/**
 * A support thread's messages, oldest first, as plain text. `viewer` says whose side is "you":
 * the person who wrote sees "Compagnon" for the platform; an admin also sees which colleague.
 */
export async function SupportThreadView({ messages, viewer, requesterName }: { messages: SupportThreadMessage[]; viewer: "platform" | "requester"; requesterName: string }) {
  const [t, format] = await Promise.all([getTranslations("support"), getFormatter()]);
  return (
    <section aria-labelledby="support-messages" className="flex flex-col gap-3">
      <h2 id="support-messages" className="text-xl font-semibold text-stone-900">
        {t("threadMessages")}
      </h2>
      <ol className="flex flex-col gap-3">
        {messages.map((message) => {
          const mine = (viewer === "platform") === message.fromPlatform;
          const author = message.fromPlatform
            ? viewer === "platform" && message.adminName
              ? t("platformBy", { name: message.adminName })
              : t("platform")
            : viewer === "requester"
              ? t("you")
              : t("requester", { name: requesterName });
          return (
            <li
              key={message.id}
              className={`flex max-w-[85%] flex-col gap-1 rounded-lg p-4 ${mine ? "self-end border-2 border-r-8 border-brand-700 bg-brand-50" : "self-start border border-stone-300 bg-white"}`}
            >
              <p className="text-sm text-stone-700">
                <span className="font-semibold text-stone-900">{author}</span>
                <span aria-hidden="true"> · </span>
                <time dateTime={message.createdAt.toISOString()}>{format.dateTime(message.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
              </p>
              <p className="whitespace-pre-wrap text-stone-900 [overflow-wrap:anywhere]">{message.body}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
