import { z } from "zod";

/**
 * Text shown as someone's identity (a person's name, an organisation's or an expert's name, a
 * file name) must read as what it is. Unicode format and control characters (categories Cc and
 * Cf: bidi overrides such as U+202E, zero-width spaces and joiners, soft hyphens…) can make
 * "invoice\u202Efdp.exe" display as "invoiceexe.pdf" or two different names look the same, so
 * they are removed; accents, other scripts and emoji are kept.
 *
 * Kept: the zero-width joiner inside an emoji sequence (👩‍💻), and the tag characters of a flag
 * such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿. Line breaks and tabs become spaces, so words do not run together.
 */
/**
 * Identity texts are short (200 characters at most): schemas refuse one longer than this before
 * cleaning it, so a huge field costs no work.
 */
export const IDENTITY_RAW_MAX = 1000;

const IDENTITY_SCRUB = new RegExp(
  [
    // an emoji (with its variation selector or skin tone), a ZWJ, then another emoji: keep
    String.raw`(\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]?\u200D)(?=\p{Extended_Pictographic})`,
    // a black flag and its tag characters, up to the cancel tag: keep
    String.raw`(\u{1F3F4}[\u{E0020}-\u{E007E}]{1,32}\u{E007F})`,
    // line and paragraph breaks, tabs: a space
    String.raw`([\t\n\v\f\r\u0085\u2028\u2029])`,
    // any other format or control character: removed
    String.raw`[\p{Cc}\p{Cf}]`,
  ].join("|"),
  "gu",
);

export function cleanIdentityText(text: string): string {
  return text.normalize("NFC").replace(IDENTITY_SCRUB, (_match, emoji?: string, flag?: string, space?: string) => emoji ?? flag ?? (space ? " " : ""));
}

/**
 * A zod string for identity text: refused over IDENTITY_RAW_MAX as sent, then cleaned and
 * trimmed; chain the field's own `.min()` and `.max()`, which count the cleaned text.
 */
export function identityText(params?: { error: string }) {
  return z.string(params).max(IDENTITY_RAW_MAX, { error: "tooLong" }).overwrite(cleanIdentityText).trim();
}
