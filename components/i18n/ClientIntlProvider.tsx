"use client";

import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { messageFallback, onMessageError } from "@/lib/i18n/missing-message";

/**
 * next-intl's provider in the browser, with our handling of a missing message (functions cannot
 * cross from the server, so they are set here). Rendered by ClientMessages only.
 */
export function ClientIntlProvider(props: { locale: string; timeZone: string; messages: Record<string, unknown>; children: ReactNode }) {
  return <NextIntlClientProvider {...props} onError={onMessageError} getMessageFallback={messageFallback} />;
}
