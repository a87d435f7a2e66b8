import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-stone-700 md:flex-row md:justify-between">
        <div>
          <p className="font-semibold text-brand-800">Compagnon</p>
          <p className="mt-1 max-w-md">{t("tagline")}</p>
          <p className="mt-1">{t("noTrackers")}</p>
        </div>
        <nav aria-label={t("label")}>
          <ul className="flex flex-col gap-2 md:items-end">
            <li>
              <Link href="/legal/privacy" className="underline underline-offset-4">
                {t("privacy")}
              </Link>
            </li>
            <li>
              <Link href="/legal/terms" className="underline underline-offset-4">
                {t("terms")}
              </Link>
            </li>
            <li>
              <Link href="/legal/notice" className="underline underline-offset-4">
                {t("notice")}
              </Link>
            </li>
            <li>
              <Link href="/contact" className="underline underline-offset-4">
                {t("contact")}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
