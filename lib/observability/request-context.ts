/**
 * What the web server's access log line learns from the app while it handles a request: the
 * signed-in user's id. The web server (scripts/web-server.ts) runs Next.js's handler inside
 * `runWithRequestContext`; the app notes the user when it reads the session (currentActor).
 * The storage lives on globalThis: the web server and Next.js's bundles load this module apart.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestContext {
  userId?: string;
}

const KEY = Symbol.for("compagnon.requestContext");
const globalForContext = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };

function storage(): AsyncLocalStorage<RequestContext> {
  globalForContext[KEY] ??= new AsyncLocalStorage<RequestContext>();
  return globalForContext[KEY];
}

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage().run(context, fn);
}

/** Records the signed-in user of the current request, when a request is being handled. */
export function noteUserId(userId: string): void {
  const context = storage().getStore();
  if (context) context.userId = userId;
}
