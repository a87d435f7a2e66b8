import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("support");
  return { title: t("sentTitle") };
}

export default async function ContactSentPage() {
  const [t, actor] = await Promise.all([getTranslations("support"), currentActor()]);
  return (
    <>
      <PageHeading title={t("sentTitle")} lead={t("sentBody")} />
      {actor ? (
        <p>
          <Link href="/support" className="font-semibold text-brand-800 underline">
            {t("sentSignedIn")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
