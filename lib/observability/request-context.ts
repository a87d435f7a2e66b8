/**
 * What the log lines of a request learn while the app handles it: its id (decided by proxy.ts)
 * and the signed-in user's id (noted by currentActor, through note-user.ts). The web server
 * (scripts/web-server.ts) opens a slot per request, names it in a request header of its own (a
 * client's header of that name is overwritten), and handles the request inside it
 * (AsyncLocalStorage): the logger adds the slot's ids to every line written meanwhile. Slots and
 * storage live on globalThis, as the web server and Next.js's bundles load this module apart;
 * it imports nothing of Next.js, which the web server may load only once Next.js is set up.
 * Without our web server (`next dev`, tests) there is no slot and nothing is noted.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export interface RequestContext {
  /** Set by proxy.ts once it has decided the request's id. */
  requestId?: string;
  userId?: string;
}

export const LOG_SLOT_HEADER = "x-compagnon-log-slot";

const KEY = Symbol.for("compagnon.requestContexts");
const CURRENT = Symbol.for("compagnon.currentRequestContext");
const globalForContexts = globalThis as unknown as { [KEY]?: Map<string, RequestContext>; [CURRENT]?: AsyncLocalStorage<RequestContext> };

function current(): AsyncLocalStorage<RequestContext> {
  globalForContexts[CURRENT] ??= new AsyncLocalStorage<RequestContext>();
  return globalForContexts[CURRENT];
}

/** Web server: runs the handling of a request with its context, for the log lines written meanwhile. */
export function runInRequestContext<T>(context: RequestContext, fn: () => T): T {
  return current().run(context, fn);
}

/** The context of the request being handled, if any (log lines written while handling it carry its id). */
export function currentRequestContext(): RequestContext | undefined {
  return current().getStore();
}

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

/** The slot a request header names, if our web server opened it. */
export function requestContext(slot: string | null | undefined): RequestContext | undefined {
  return slot ? slots().get(slot) : undefined;
}
