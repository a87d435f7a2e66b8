import type { Selection } from "./estimate";

export const MAX_USERS = 10_000;

/**
 * The visitor's choice from the page's address (read through searchParamsOf) (a GET form, so it works without JavaScript and
 * can be bookmarked): `?microsoft-365=12&slack=12`. Unknown names are ignored; a count that is
 * not a whole number from 0 to 10,000 is an error on that field, and the typed text is kept.
 */
export function selectionFromSearchParams(params: Record<string, string>, knownSlugs: string[]): { selection: Selection; typed: Record<string, string>; errors: Record<string, "users"> } {
  const users: Record<string, number> = {};
  const typed: Record<string, string> = {};
  const errors: Record<string, "users"> = {};
  for (const slug of knownSlugs) {
    const value = params[slug]?.trim() ?? "";
    if (value === "") continue;
    typed[slug] = value;
    const count = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(count) || count > MAX_USERS) errors[slug] = "users";
    else if (count > 0) users[slug] = count;
  }
  return { selection: { users }, typed, errors };
}

/** The wizard pre-filled from an estimate: an installation of the replacement programs. */
export function wizardPrefillPath(replacementSlugs: string[], users: number): string {
  const params = new URLSearchParams({ kind: "installation", software: replacementSlugs.join(","), users: String(users) });
  return `/jobs/new?${params.toString()}`;
}
