import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import type { ReactNode } from "react";
import { CLIENT_NAMESPACES, pickNamespaces, type ClientMessagesScope } from "@/lib/i18n/client-namespaces";
import { ClientIntlProvider } from "./ClientIntlProvider";

/**
 * Hands the client components below it the messages of its scope only (lib/i18n/client-namespaces.ts),
 * instead of every message of the locale. `when={false}` renders the children without it (a public
 * page whose forms only signed-in people see).
 */
export async function ClientMessages({ scope, when = true, children }: { scope: ClientMessagesScope; when?: boolean; children: ReactNode }) {
  if (!when) return children;
  const [locale, messages, timeZone] = await Promise.all([getLocale(), getMessages(), getTimeZone()]);
  return (
    <ClientIntlProvider locale={locale} timeZone={timeZone} messages={pickNamespaces(messages, CLIENT_NAMESPACES[scope])}>
      {children}
    </ClientIntlProvider>
  );
}
