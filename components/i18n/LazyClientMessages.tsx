import type { ReactNode } from "react";
import type { ClientMessagesScope } from "@/lib/i18n/client-namespaces";
import { clientMessagesProps } from "./client-messages-props";
import { LazyClientIntlProvider } from "./LazyClientIntlProvider";

/**
 * ClientMessages for a public page whose client parts only signed-in people see (`when`): the
 * provider's code, next-intl's client with it (12 kB gzip), is loaded only when it is rendered,
 * so a visitor's browser never loads it. Importing ClientIntlProvider, as ClientMessages does,
 * brings it to every page of the route (the App Router loads every client module a route imports).
 */
export async function LazyClientMessages({ scope, when, children }: { scope: ClientMessagesScope; when: boolean; children: ReactNode }) {
  if (!when) return children;
  return <LazyClientIntlProvider {...await clientMessagesProps(scope)}>{children}</LazyClientIntlProvider>;
}
