import { isCleanText } from "@/lib/text/clean";
import { MAX_REQUEST_BODY_BYTES } from "./request-limits";

/**
 * Requests refused at the door (proxy.ts), before Next.js reads them: each of these otherwise
 * ended in a 500 inside Next itself, where no code of ours could answer better.
 */

/** A path with a broken %-escape or a NUL (/jobs/%FF): Next fails to decode its parameters. */
export function refusePath(pathname: string): Response | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return plain(400, "Bad Request");
  }
  return isCleanText(decoded) ? null : plain(400, "Bad Request");
}

/**
 * A body over MAX_REQUEST_BODY_BYTES: 413, without reading it. A body of unknown length
 * (chunked) cannot be checked first, so it must say its length (411); browsers always do.
 */
export function refuseBodySize(request: Request): Response | null {
  if (request.method === "GET" || request.method === "HEAD") return null;
  const length = request.headers.get("content-length");
  if (length === null) return request.headers.has("transfer-encoding") ? plain(411, "Length Required") : null;
  return Number(length) > MAX_REQUEST_BODY_BYTES ? plain(413, "Payload Too Large") : null;
}

/** The JSON in a text, or null when it is not JSON. */
function json(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}
const isJsonArray = (text: string) => Array.isArray(json(text)?.value);
const isActionReference = (value: unknown) => typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string";
const MPA_FIELD = /^\$ACTION_(\d+):(\d+)$/;

/** A server action call Next could not decode: 400, logged once here. */
export async function refuseMalformedAction(request: Request): Promise<Response | null> {
  if (request.method !== "POST") return null;
  const fetchAction = request.headers.has("next-action");
  const multipart = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  if (!fetchAction && !multipart) return null;
  const verdict = multipart ? await multipartVerdict(request, fetchAction) : isJsonArray(await request.text());
  if (verdict) return null;
  console.warn(`[proxy] malformed server action request refused: POST ${new URL(request.url).pathname}`);
  return plain(400, "Bad Request");
}

/** Called by JavaScript, the arguments are a JSON array in field "0"; without, $ACTION_ fields as React writes them. */
async function multipartVerdict(request: Request, fetchAction: boolean): Promise<boolean> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return false;
  }
  if (fetchAction) {
    const root = form.get("0");
    return typeof root === "string" && isJsonArray(root);
  }
  const rows = new Map<string, unknown>();
  for (const [key, value] of form.entries()) {
    if (!MPA_FIELD.test(key)) continue;
    const row = typeof value === "string" ? json(value) : null;
    if (!row) return false;
    rows.set(key, row.value);
  }
  // Each action's row 0 is { id, bound }; bound, when not null, points ("$@1") at an array row.
  for (const [key, row] of rows) {
    const [, action, index] = MPA_FIELD.exec(key)!;
    if (index !== "0") continue;
    if (!isActionReference(row)) return false;
    const bound = (row as { bound?: unknown }).bound ?? null;
    if (bound === null) continue;
    const target = typeof bound === "string" ? /^\$@(\d+)$/.exec(bound) : null;
    if (!target || !Array.isArray(rows.get(`$ACTION_${action}:${target[1]}`))) return false;
  }
  return true;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
