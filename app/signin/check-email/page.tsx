import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { isLocalMailboxEnabled } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("checkTitle") };
}

export default async function CheckEmailPage() {
  const [t, common] = await Promise.all([getTranslations("auth"), getTranslations("common")]);
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <PageHeading title={t("checkTitle")} lead={t("checkLead")} />
      {isLocalMailboxEnabled() ? (
        <Alert tone="info">
          {t("checkDemo")}{" "}
          <Link href="/dev/mailbox" className="font-semibold underline">
            {common("openMailbox")}
          </Link>
        </Alert>
      ) : null}
      <p className="text-stone-700">
        {t("checkAgain")}{" "}
        <Link href="/signin" className="underline">
          {t("retry")}
        </Link>
      </p>
    </div>
  );
}
