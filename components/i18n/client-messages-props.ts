import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import { CLIENT_NAMESPACES, pickNamespaces, type ClientMessagesScope } from "@/lib/i18n/client-namespaces";

/** What next-intl's client provider needs for a scope: its locale, time zone and the scope's messages only. */
export async function clientMessagesProps(scope: ClientMessagesScope): Promise<{ locale: string; timeZone: string; messages: Record<string, unknown> }> {
  const [locale, messages, timeZone] = await Promise.all([getLocale(), getMessages(), getTimeZone()]);
  return { locale, timeZone, messages: pickNamespaces(messages, CLIENT_NAMESPACES[scope]) };
}
