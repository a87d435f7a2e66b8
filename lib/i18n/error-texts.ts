/** The unexpected-error page's texts, translated on the server (messages "errors"). */
export interface ErrorTextsValue {
  title: string;
  message: string;
  retry: string;
  /** With `{digest}` where the error's reference goes. */
  reference: string;
}

/** A translator of the "errors" messages (next-intl's getTranslations("errors") or createTranslator). */
type ErrorsTranslator = (key: "errorTitle" | "error" | "retry" | "reference", values?: { digest: string }) => string;

/** The error page's texts (components/i18n/ErrorTexts.tsx), from the "errors" messages of the visitor's language. */
export function errorTextsFrom(t: ErrorsTranslator): ErrorTextsValue {
  return { title: t("errorTitle"), message: t("error"), retry: t("retry"), reference: t("reference", { digest: "{digest}" }) };
}
