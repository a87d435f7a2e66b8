import { createTranslator } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ErrorPage from "@/app/error";
import { ErrorTexts } from "@/components/i18n/ErrorTexts";
import { errorTextsFrom } from "@/lib/i18n/error-texts";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

/**
 * The unexpected-error page gets its texts from the root layout (components/i18n/ErrorTexts.tsx),
 * not from next-intl in the browser: in the visitor's language, with the error's reference, and
 * never the error's own message.
 */
function render(locale: "fr" | "en", digest?: string) {
  const messages = locale === "fr" ? fr : en;
  const t = createTranslator({ locale, messages, namespace: "errors" });
  const error = Object.assign(new Error("secret: connection to 10.0.0.3 refused"), digest ? { digest } : {});
  return renderToStaticMarkup(
    <ErrorTexts texts={errorTextsFrom(t)}>
      <ErrorPage error={error} reset={() => {}} />
    </ErrorTexts>,
  );
}

describe("the error page", () => {
  it("speaks French and English, with the reference, never the error's message", () => {
    const french = render("fr", "abc123");
    expect(french).toContain(fr.errors.errorTitle);
    expect(french).toContain(fr.errors.retry);
    expect(french).toContain(fr.errors.reference.replace("{digest}", "abc123"));
    const english = render("en", "abc123");
    expect(english).toContain(en.errors.errorTitle);
    expect(english).toContain(en.errors.error);
    expect(english).toContain(en.errors.reference.replace("{digest}", "abc123"));
    for (const markup of [french, english]) expect(markup).not.toContain("10.0.0.3");
  });

  it("shows no reference line when the error has none", () => {
    expect(render("en")).not.toContain(en.errors.reference.split("{digest}")[0]!.trim());
  });
});
