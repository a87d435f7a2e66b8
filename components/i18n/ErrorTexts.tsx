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

/** The error page's texts; French ones if no provider is above (never the case under the root layout). */
export function useErrorTexts(): ErrorTextsValue {
  return (
    useContext(ErrorTextsContext) ?? {
      title: "Une erreur est survenue",
      message: "Nous n’avons pas pu afficher cette page.",
      retry: "Réessayer",
      reference: "Référence de l’erreur : {digest}",
    }
  );
}
