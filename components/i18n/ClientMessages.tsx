import type { ReactNode } from "react";
import type { ClientMessagesScope } from "@/lib/i18n/client-namespaces";
import { clientMessagesProps } from "./client-messages-props";
import { ClientIntlProvider } from "./ClientIntlProvider";

/**
 * Hands the client components below it the messages of its scope only (lib/i18n/client-namespaces.ts),
 * instead of every message of the locale. `when={false}` renders the children without it. A public
 * page whose forms only signed-in people see renders LazyClientMessages instead.
 */
export async function ClientMessages({ scope, when = true, children }: { scope: ClientMessagesScope; when?: boolean; children: ReactNode }) {
  if (!when) return children;
  return <ClientIntlProvider {...await clientMessagesProps(scope)}>{children}</ClientIntlProvider>;
}
