"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { ErrorTextsValue } from "@/lib/i18n/error-texts";

const ErrorTextsContext = createContext<ErrorTextsValue | null>(null);

/**
 * Hands app/error.tsx its texts. The root layout renders this instead of next-intl's provider, so
 * that a page whose own components are all server components loads no translation runtime in the
 * browser (next-intl's client and its ICU formatter, 12 kB gzip on every page): the error page only
 * needs four strings.
 */
export function ErrorTexts({ texts, children }: { texts: ErrorTextsValue; children: ReactNode }) {
  return <ErrorTextsContext value={texts}>{children}</ErrorTextsContext>;
}

/** The error page's texts, from the root layout's ErrorTexts (app/global-error.tsx answers if it is missing). */
export function useErrorTexts(): ErrorTextsValue {
  const texts = useContext(ErrorTextsContext);
  if (!texts) throw new Error("useErrorTexts needs <ErrorTexts> above it (app/layout.tsx)");
  return texts;
}
