import { getLocale, getTranslations } from "next-intl/server";
import { locales } from "@/lib/i18n/locale";

/** Works without JavaScript: a plain form posting to a server action that sets the cookie. */
export async function LanguageSwitch({ action }: { action: (formData: FormData) => Promise<void> }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("language")]);
  return (
    <form action={action} className="flex items-center gap-1" aria-label={t("label")}>
      {locales.map((code) =>
        code === locale ? (
          <span key={code} aria-current="true" className="rounded px-2 py-1 text-sm font-bold uppercase text-brand-900">
            <span className="sr-only">{t(code)}</span>
            <span aria-hidden="true">{code}</span>
          </span>
        ) : (
          <button
            key={code}
            type="submit"
            name="locale"
            value={code}
            lang={code}
            className="min-h-11 min-w-11 rounded px-2 py-1 text-sm font-semibold uppercase text-stone-700 underline-offset-4 hover:bg-stone-100 hover:underline"
          >
            <span className="sr-only">{code === "en" ? "Switch to English" : "Passer en français"}</span>
            <span aria-hidden="true">{code}</span>
          </button>
        ),
      )}
    </form>
  );
}
