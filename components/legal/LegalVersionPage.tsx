import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { LegalPage } from "@/components/legal/LegalPage";
import { Alert } from "@/components/ui/Alert";
import type { HistoryEntry } from "@/lib/legal/history";

interface LegalVersionPageProps {
  title: string;
  entry: HistoryEntry;
  /** What the warning says when a later version replaced this one. */
  replacedNotice: ReactNode;
  children: ReactNode;
}

/** One version of a legal document (terms, privacy policy, billing mandate): in force, replaced or announced. */
export async function LegalVersionPage({ title, entry, replacedNotice, children }: LegalVersionPageProps) {
  const [t, format] = await Promise.all([getTranslations("legalVersions"), getFormatter()]);
  return (
    <LegalPage title={title} lastUpdated={entry.effectiveAt.toISOString().slice(0, 10)}>
      {entry.status === "replaced" ? (
        <Alert tone="warning">{replacedNotice}</Alert>
      ) : entry.status === "upcoming" ? (
        <Alert tone="info">{t("notYet", { date: format.dateTime(entry.effectiveAt, { dateStyle: "long", timeZone: "UTC" }) })}</Alert>
      ) : null}
      <p className="mt-2 text-sm">
        <Link href="/legal/terms/versions" className="underline">
          {t("versionsTitle")}
        </Link>
      </p>
      {children}
    </LegalPage>
  );
}
