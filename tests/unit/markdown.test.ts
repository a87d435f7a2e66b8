import { describe, expect, it } from "vitest";
import { markdownToPlainText, renderMarkdown } from "@/lib/markdown/render";

const REL = 'rel="nofollow ugc noopener noreferrer"';

describe("renderMarkdown: untrusted input", () => {
  it("escapes raw HTML instead of rendering it", () => {
    const html = renderMarkdown("<script>alert(1)</script>");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("escapes an <img> tag with an event handler", () => {
    const html = renderMarkdown("<img src=x onerror=alert(1)>");
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it.each([
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](<javascript:alert(1)>)",
    "<javascript:alert(1)>",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](file:///etc/passwd)",
  ])("refuses the link in %j", (source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/<a\b/i);
    expect(html).not.toMatch(/href=/i);
  });

  it("refuses relative, protocol-relative and empty links", () => {
    const html = renderMarkdown("[a](/admin) [b](//evil.example) [c]()");
    expect(html).not.toMatch(/<a\b/i);
    expect(html).toContain("c");
  });

  it("renders no image, even from an https URL", () => {
    const html = renderMarkdown("![a](https://evil.example/x.png)");
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/\ssrc=/i);
  });

  it("cannot break out of the href attribute", () => {
    const html = renderMarkdown('[x](https://example.com/"onmouseover=alert(1))');
    expect(html).not.toMatch(/"\s*onmouseover/i);
  });
});

describe("renderMarkdown: links", () => {
  it("gives an https link rel and target", () => {
    expect(renderMarkdown("[site](https://example.com/page)")).toBe(
      `<p><a href="https://example.com/page" ${REL} target="_blank">site</a></p>\n`,
    );
  });

  it("accepts http and mailto links", () => {
    const html = renderMarkdown("[a](http://example.com) [b](mailto:expert@example.fr)");
    expect(html).toContain(`<a href="http://example.com" ${REL} target="_blank">a</a>`);
    expect(html).toContain(`<a href="mailto:expert@example.fr" ${REL} target="_blank">b</a>`);
  });

  it("linkifies bare URLs and e-mail addresses, with the same attributes", () => {
    const html = renderMarkdown("Voir https://example.com ou www.example.org, ou écrire à expert@example.fr");
    expect(html).toContain(`<a href="https://example.com" ${REL} target="_blank">https://example.com</a>`);
    expect(html).toContain(`<a href="http://www.example.org" ${REL} target="_blank">www.example.org</a>`);
    expect(html).toContain(`<a href="mailto:expert@example.fr" ${REL} target="_blank">expert@example.fr</a>`);
  });
});

describe("renderMarkdown: formatting", () => {
  it("never outputs h1 or h2: headings move down two levels", () => {
    const html = renderMarkdown("# Title\n\n## Section\n\n### Sub");
    expect(html).not.toMatch(/<h[12][\s>]/);
    expect(html).toContain("<h3>Title</h3>");
    expect(html).toContain("<h4>Section</h4>");
    expect(html).toContain("<h5>Sub</h5>");
    expect(renderMarkdown("Title\n=====\n\nSection\n-------")).toBe("<h3>Title</h3>\n<h4>Section</h4>\n");
  });

  it("renders emphasis and lists", () => {
    expect(renderMarkdown("*em* and **strong**")).toBe("<p><em>em</em> and <strong>strong</strong></p>\n");
    expect(renderMarkdown("- a\n- b")).toBe("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
    expect(renderMarkdown("1. one\n2. two")).toBe("<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n");
  });

  it("turns single newlines into <br>", () => {
    expect(renderMarkdown("line 1\nline 2")).toBe("<p>line 1<br>\nline 2</p>\n");
  });

  it("leaves quotes and dashes alone (no typographer)", () => {
    expect(renderMarkdown('"a" -- b')).toBe("<p>&quot;a&quot; -- b</p>\n");
  });
});

describe("markdownToPlainText", () => {
  it("strips formatting and collapses whitespace", () => {
    expect(
      markdownToPlainText("# Hello *world*\n\nThis is **bold**,   a [link](https://example.com) and `code`.\n\n- one\n- two"),
    ).toBe("Hello world This is bold, a link and code. one two");
  });

  it("keeps raw HTML as inert text", () => {
    expect(markdownToPlainText("<b>hi</b> &amp; bye")).toBe("<b>hi</b> & bye");
  });

  it("returns the whole text when it fits", () => {
    expect(markdownToPlainText("Short *bio*", 20)).toBe("Short bio");
    expect(markdownToPlainText("exactly10!", 10)).toBe("exactly10!");
  });

  it("cuts at a word boundary with an ellipsis, within maxLength", () => {
    const cut = markdownToPlainText("Lorem ipsum dolor sit amet, consectetur adipiscing elit", 20);
    expect(cut).toBe("Lorem ipsum dolor…");
    expect(Array.from(cut).length).toBeLessThanOrEqual(20);
    expect(markdownToPlainText("Hello world, again", 13)).toBe("Hello world…");
  });

  it("cuts inside a word when there is no space to fall back to", () => {
    expect(markdownToPlainText("abcdefghijklmnop", 5)).toBe("abcd…");
  });
});
