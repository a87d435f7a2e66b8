import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AcceptVersionsForm } from "@/components/legal/AcceptVersionsForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { documentPath } from "@/lib/legal/document-path";
import { pendingAcceptances, shownVersions } from "@/lib/legal/acceptance";
import { safeCallbackPath } from "@/lib/legal/callback";
import { findVersion } from "@/lib/legal/versions";
import { acceptLegalVersionsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("legalVersions"))("acceptTitle") };
}

/** After sign-in, when a new version took effect since the person last accepted: read, accept, go on. */
export default async function AcceptLegalVersionsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { callbackUrl } = searchParamsOf(await searchParams);
  const next = safeCallbackPath(callbackUrl);
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/legal/accept?callbackUrl=${encodeURIComponent(next)}`)}`);
  const pending = await pendingAcceptances(actor.id);
  if (pending.length === 0) redirect(next);
  const [t, format, locale] = await Promise.all([getTranslations("legalVersions"), getFormatter(), getLocale()]);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <PageHeading title={t("acceptTitle")} lead={t("acceptLead")} />
      <ul className="flex flex-col gap-4">
        {pending.map((item) => {
          const changes = findVersion(item.document, item.version)?.changes;
          return (
            <li key={item.document} className="rounded-lg border border-stone-200 bg-white p-5">
              <h2 className="text-lg font-semibold">
                {t(`document_${item.document}`)} — {t("version", { version: item.version })}
              </h2>
              <p className="text-sm text-stone-700">{t("inForceSince", { date: format.dateTime(item.effectiveAt, { dateStyle: "long", timeZone: "UTC" }) })}</p>
              {changes ? (
                <>
                  <h3 className="mt-3 font-semibold">{t("changes")}</h3>
                  <p className="mt-1 text-stone-800">{locale === "en" ? changes.en : changes.fr}</p>
                </>
              ) : null}
              <Link href={documentPath(item.document, item.version)} className="mt-3 inline-block underline" target="_blank">
                {t("readFull", { document: t(`document_${item.document}`), version: item.version })}
              </Link>
            </li>
          );
        })}
      </ul>
      <AcceptVersionsForm action={acceptLegalVersionsAction} callbackUrl={next} shown={shownVersions(pending)} />
      <p className="text-sm text-stone-700">
        {t("refuse")} <Link href="/account" className="underline">{t("closeAccount")}</Link> · <Link href="/contact" className="underline">{t("contact")}</Link>
      </p>
    </div>
  );
}
