import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getMailboxEmail } from "@/lib/email/mailbox";

export const metadata: Metadata = { title: "Mailbox", robots: { index: false }, referrer: "no-referrer" };

export default async function MailboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const email = await getMailboxEmail(id);
  if (!email) notFound();
  const [t, format] = await Promise.all([getTranslations("mailbox"), getFormatter()]);
  return (
    <article className="flex flex-col gap-4" lang={email.locale}>
      <Link href="/dev/mailbox" className="underline">
        {t("backToList")}
      </Link>
      <h1 className="text-2xl font-bold">{email.subject}</h1>
      <dl className="grid grid-cols-[6rem_1fr] gap-1 text-sm">
        <dt className="font-semibold">{t("to")}</dt>
        <dd>{email.toAddress}</dd>
        <dt className="font-semibold">{t("date")}</dt>
        <dd>{format.dateTime(email.createdAt, { dateStyle: "long", timeStyle: "medium" })}</dd>
      </dl>
      {email.links.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label="Links">
          {email.links.map((link) => (
            <li key={link}>
              <a href={link} className="break-all font-semibold text-brand-800 underline" data-testid="email-link">
                {link}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <iframe title={email.subject} sandbox="" srcDoc={email.html} className="h-[36rem] w-full rounded-md border border-stone-300 bg-white" />
      <details>
        <summary className="cursor-pointer font-semibold">{t("textVersion")}</summary>
        <pre className="mt-2 whitespace-pre-wrap rounded-md bg-white p-4 text-sm">{email.text}</pre>
      </details>
    </article>
  );
}
