/**
 * What the web server's access log line learns from the app while it handles a request: the
 * signed-in user's id. The web server (scripts/web-server.ts) opens a slot per request and names
 * it in a request header of its own (a client's header of that name is dropped first); the app
 * fills the slot when it reads the session (currentActor). The slots live on globalThis: the web
 * server and Next.js's bundles load this module apart. Without our web server (`next dev`, tests)
 * there is no slot and nothing is noted.
 */
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { headers } from "next/headers";

export interface RequestContext {
  userId?: string;
}

export const LOG_SLOT_HEADER = "x-compagnon-log-slot";

const KEY = Symbol.for("compagnon.requestContexts");
const globalForContexts = globalThis as unknown as { [KEY]?: Map<string, RequestContext> };

function slots(): Map<string, RequestContext> {
  globalForContexts[KEY] ??= new Map<string, RequestContext>();
  return globalForContexts[KEY];
}

/** Web server: a slot for this request, named in its headers; `close` when the answer is sent. */
export function openRequestContext(requestHeaders: IncomingHttpHeaders): { context: RequestContext; close: () => void } {
  const slot = randomUUID();
  const context: RequestContext = {};
  requestHeaders[LOG_SLOT_HEADER] = slot;
  slots().set(slot, context);
  return { context, close: () => slots().delete(slot) };
}

/** App: records the signed-in user of the current request, when our web server handles it. */
export async function noteUserId(userId: string): Promise<void> {
  try {
    const slot = (await headers()).get(LOG_SLOT_HEADER);
    const context = slot ? slots().get(slot) : undefined;
    if (context) context.userId = userId;
  } catch {
    // Outside a request (a script, a test): nothing to note.
  }
}
