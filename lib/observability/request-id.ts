/** Request ids: ours are UUIDs; one from a trusted reverse proxy is kept when it is well formed. */

export const REQUEST_ID_HEADER = "x-request-id";

/** Letters, digits and `-_.:`, 8 to 128 characters: what proxies generate (nginx's $request_id, UUIDs…). */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

export function isWellFormedRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && WELL_FORMED.test(value);
}

/**
 * The request's id: the incoming one when a trusted proxy sent it (TRUST_PROXY > 0: the web
 * server drops the header otherwise) and it is well formed, else a new random one.
 */
export function requestIdFor(incoming: string | null, trustProxy: number): string {
  return trustProxy > 0 && isWellFormedRequestId(incoming) ? incoming : crypto.randomUUID();
}
