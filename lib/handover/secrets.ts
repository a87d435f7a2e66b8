/**
 * The access register and the handover pack say where an access is and who holds it, never the
 * secret itself. These are the shapes of secrets that are easy to recognise: a private key block,
 * a "password: …" line, a WireGuard private key, well-known API token prefixes, a URL with a
 * password in it. A match refuses the field (the person is told why); it is a safety net, not a
 * promise that nothing secret can be typed.
 */
const SECRET_PATTERNS: RegExp[] = [
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/,
  /\bPrivateKey\s*=\s*\S+/i,
  /\b(pass(word|wd|phrase)?|pwd|mot\s+de\s+passe|mdp|secret|api[_-]?key|token)\s*[:=]\s*\S{4,}/i,
  /\b(sk|rk)_(live|test)_[0-9a-zA-Z]{10,}/,
  /\bgh[pousr]_[0-9A-Za-z]{20,}/,
  /\bglpat-[0-9A-Za-z_-]{20,}/,
  /\bxox[abprs]-[0-9A-Za-z-]{10,}/,
  /\bAKIA[0-9A-Z]{16}\b/,
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i,
  // A WireGuard key: 43 base64 characters and "=", standing alone.
  /(^|[\s"'=:])[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=($|[\s"'])/,
];

/** Whether the text looks like it holds a secret (a key, a password, a token). */
export function looksLikeSecret(text: string): boolean {
  return SECRET_PATTERNS.some((pattern) => pattern.test(text));
}
