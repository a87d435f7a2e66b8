/** Longest error text the jobs page shows. */
export const ERROR_PREVIEW_CHARS = 300;

/**
 * An error message fit for the jobs page: email addresses, URLs' paths and queries, and anything
 * that looks like a token or key (long runs of letters and digits) are masked, then the text is
 * cut to ERROR_PREVIEW_CHARS. Stack traces are dropped (the log has them).
 */
export function redactError(message: string | null): string | null {
  if (!message) return null;
  const firstLines = message.split("\n").filter((line) => !/^\s+at\s/.test(line)).join(" ").trim();
  const masked = firstLines
    .replace(/[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+/g, "[email]")
    .replace(/\b(https?:\/\/[^\s/?#]+)[^\s]*/g, "$1/…")
    .replace(/\b[A-Za-z0-9_\-+/=]{24,}\b/g, "[…]");
  return masked.length > ERROR_PREVIEW_CHARS ? `${masked.slice(0, ERROR_PREVIEW_CHARS - 1)}…` : masked;
}
