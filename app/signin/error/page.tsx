import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/Alert";
import { buttonClasses } from "@/components/ui/Button";
import { PageHeading } from "@/components/ui/PageHeading";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("errorTitle") };
}

export default async function SignInErrorPage({ searchParams }: { searchParams: PageSearchParams }) {
  const [{ error }, t] = await Promise.all([searchParams.then(searchParamsOf), getTranslations("auth")]);
  const message =
    error === "Verification" ? t("errorVerification") : error === "AccessDenied" ? t("errorAccessDenied") : t("errorDefault");
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <PageHeading title={t("errorTitle")} />
      <Alert tone="error">{message}</Alert>
      <Link href="/signin" className={buttonClasses("primary", "self-start")}>
        {t("retry")}
      </Link>
    </div>
  );
}
