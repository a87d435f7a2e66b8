import type { ErrorTextsValue } from "@/components/i18n/ErrorTexts";

/** A translator of the "errors" messages (next-intl's getTranslations("errors") or createTranslator). */
type ErrorsTranslator = (key: "errorTitle" | "error" | "retry" | "reference", values?: { digest: string }) => string;

/** The error page's texts (components/i18n/ErrorTexts.tsx), from the "errors" messages of the visitor's language. */
export function errorTextsFrom(t: ErrorsTranslator): ErrorTextsValue {
  return { title: t("errorTitle"), message: t("error"), retry: t("retry"), reference: t("reference", { digest: "{digest}" }) };
}
