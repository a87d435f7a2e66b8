import { isCleanText } from "@/lib/text/clean";

/** A page's `searchParams` as Next gives them, or a route handler's `URL.searchParams`. */
export type RawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** Longer query values are no search anyone typed: dropped. */
export const MAX_SEARCH_PARAM_CHARS = 2000;

/**
 * The one way pages and route handlers read a query string: plain text values only. A repeated
 * parameter (?q=a&q=b), a value over MAX_SEARCH_PARAM_CHARS, or one a database would refuse
 * (NUL, invalid UTF-8) is dropped, as if absent, so every filter falls back to its default the
 * way it does for any other invalid value.
 */
export function searchParamsOf(raw: RawSearchParams): Record<string, string> {
  const entries: [string, unknown][] =
    raw instanceof URLSearchParams ? [...new Set(raw.keys())].map((key) => [key, raw.getAll(key).length === 1 ? raw.get(key) : undefined]) : Object.entries(raw);
  const params: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (typeof value === "string" && value.length <= MAX_SEARCH_PARAM_CHARS && isCleanText(value) && isCleanText(key)) params[key] = value;
  }
  return params;
}

/** The type of a page's `searchParams` prop. */
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;
