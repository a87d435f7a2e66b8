import { IntlErrorCode, type IntlError } from "next-intl";

/**
 * What a missing or broken message does, on the server and in the browser alike: it is logged as
 * an error (the server's console goes to the JSON log, `lib/observability/logger.ts`), and the
 * page shows the message's key, never a blank. `tests/unit/client-namespaces.test.ts` keeps a
 * client component from reaching a message its provider does not pass; `tests/unit/messages.test.ts`
 * keeps French and English with the same keys.
 */
export function onMessageError(error: IntlError): void {
  console.error(`[i18n] ${error.code}: ${error.originalMessage ?? error.message}`);
}

/** The text shown in place of a message that could not be formatted: its full key. */
export function messageFallback({ namespace, key, error }: { namespace?: string; key: string; error: IntlError }): string {
  const path = namespace ? `${namespace}.${key}` : key;
  return error.code === IntlErrorCode.MISSING_MESSAGE ? path : `${path} (${error.code})`;
}
