import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { publisher } from "@/lib/legal/publisher";
import { PRIVACY_TEXTS, TERMS_TEXTS } from "./texts";

/** The terms' text of `version` in the reader's language. */
export async function TermsText({ version }: { version: string }) {
  const texts = TERMS_TEXTS[version];
  if (!texts) notFound();
  const Text = (await getLocale()) === "en" ? texts.en : texts.fr;
  return <Text publisher={publisher()} />;
}

/** The privacy policy's text of `version` in the reader's language. */
export async function PrivacyText({ version }: { version: string }) {
  const texts = PRIVACY_TEXTS[version];
  if (!texts) notFound();
  const Text = (await getLocale()) === "en" ? texts.en : texts.fr;
  return <Text publisher={publisher()} />;
}
