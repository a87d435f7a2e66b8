import MarkdownIt, { type Token } from "markdown-it";

/**
 * Safe Markdown for user-written text (expert bios), rendered on the server.
 *
 * - Raw HTML is never rendered: `html: false` makes markdown-it escape it as text.
 * - Images are switched off, so a bio can make no browser fetch anything from a third party.
 * - Links (explicit, `<autolinks>`, reference definitions and linkified bare URLs/e-mails) must be
 *   http:, https: or mailto:. Anything else — javascript:, data:, vbscript:, relative or scheme-less
 *   URLs — is refused: markdown-it then leaves the source as plain text.
 * - Every link opens in a new tab with rel="nofollow ugc noopener noreferrer".
 * - Headings are shifted down two levels (h1 → h3, h2 → h4, … capped at h6): the page owns h1/h2.
 */

const ALLOWED_LINK = /^(?:https?|mailto):/i;
const LINK_REL = "nofollow ugc noopener noreferrer";
const HEADING_SHIFT = 2;

/** markdown-it hands validateLink an already normalized (percent-encoded) URL, so control characters cannot hide a scheme. */
function isAllowedLink(url: string): boolean {
  return ALLOWED_LINK.test(url);
}

function shiftHeading(tag: string): string {
  const level = /^h([1-6])$/.exec(tag)?.[1];
  return level ? `h${Math.min(Number(level) + HEADING_SHIFT, 6)}` : tag;
}

/** Second line of defence on the token stream: drop any link whose href did not pass validation, harden the others. */
function secureLinks(children: Token[]): Token[] {
  const kept: Token[] = [];
  let droppingLink = false;
  for (const token of children) {
    if (token.type === "link_open") {
      const href = token.attrGet("href") ?? "";
      if (!isAllowedLink(href)) {
        droppingLink = true; // keep the link text, lose the <a>
        continue;
      }
      token.attrSet("rel", LINK_REL);
      token.attrSet("target", "_blank");
    } else if (token.type === "link_close" && droppingLink) {
      droppingLink = false; // Markdown links cannot nest, so this closes the dropped one
      continue;
    }
    kept.push(token);
  }
  return kept;
}

function createRenderer(): MarkdownIt {
  const md = new MarkdownIt("default", { html: false, linkify: true, typographer: false, breaks: true });
  md.disable("image");
  md.validateLink = isAllowedLink;
  md.core.ruler.push("compagnon_safety", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        token.tag = shiftHeading(token.tag);
      } else if (token.type === "inline" && token.children) {
        token.children = secureLinks(token.children);
      }
    }
  });
  return md;
}

const md = createRenderer();

/** Markdown → HTML string, safe to inject (e.g. with dangerouslySetInnerHTML) without further sanitizing. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

/**
 * Markdown → plain text (for meta descriptions, cards): formatting stripped, whitespace collapsed, and, when
 * maxLength is given, cut to at most maxLength characters (code points), preferably at a word boundary, ending in "…".
 * The result is text, not HTML: let the caller escape it (React does).
 */
export function markdownToPlainText(source: string, maxLength?: number): string {
  const parts: string[] = [];
  for (const token of md.parse(source, {})) {
    if (token.type === "inline") {
      for (const child of token.children ?? []) {
        if (child.type === "text" || child.type === "code_inline") parts.push(child.content);
        else if (child.type === "softbreak" || child.type === "hardbreak") parts.push(" ");
      }
    } else if (token.type === "fence" || token.type === "code_block") {
      parts.push(token.content);
    }
    parts.push(" "); // blocks (paragraphs, list items, cells…) are separated by a space
  }
  const text = parts.join("").replace(/\s+/g, " ").trim();
  return maxLength === undefined ? text : truncate(text, maxLength);
}

function truncate(text: string, maxLength: number): string {
  if (!Number.isFinite(maxLength)) return text;
  const limit = Math.floor(maxLength);
  const chars = Array.from(text);
  if (chars.length <= limit) return text;
  if (limit < 1) return "";
  const head = chars.slice(0, limit - 1).join("");
  let cut = head;
  if (chars[limit - 1] !== " ") {
    // the cut falls inside a word: go back to the previous space unless that loses too much
    const lastSpace = head.lastIndexOf(" ");
    if (lastSpace >= head.length * 0.6) cut = head.slice(0, lastSpace);
  }
  const tidy = cut.replace(/[\s,;:.!?…\-–—]+$/u, "");
  return `${tidy || cut.trimEnd()}…`;
}
