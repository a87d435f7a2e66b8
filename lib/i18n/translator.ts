import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { AppLocale } from "./locale";

export const messagesByLocale = { fr, en } as const;

/** A translator usable outside a request (emails, workers): same messages as the pages. */
export function translator<N extends string>(locale: AppLocale, namespace: N) {
  return createTranslator({ locale, messages: messagesByLocale[locale], namespace: namespace as never }) as unknown as (
    key: string,
    values?: Record<string, string | number | Date>,
  ) => string;
}
