import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/Button";
import { PageHeading } from "@/components/ui/PageHeading";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="max-w-2xl">
      <PageHeading title={t("notFoundTitle")} lead={t("notFound")} />
      <Link href="/" className={buttonClasses("primary")}>
        {t("home")}
      </Link>
    </div>
  );
}
