import { describe, expect, it } from "vitest";
import { scriptsOf } from "@/scripts/bench/page-weight";

describe("scriptsOf (the benchmark's page weight)", () => {
  const html = [
    '<html><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/>',
    '<script src="/_next/static/chunks/main.js" async="" nonce="n"></script>',
    '<script src="/_next/static/chunks/polyfill.js" noModule="" nonce="n"></script>',
    '</head><body><script nonce="n">self.__next_f.push([1,"5:\\"/_next/static/chunks/page.js\\"\\n6:I[1,[\\"/_next/static/chunks/main.js\\"],\\"X\\"]"])</script></body></html>',
  ].join("");

  it("counts every script a modern browser loads, from the tags and from the RSC payload, once each", () => {
    expect(scriptsOf(html).modern).toEqual(["/_next/static/chunks/main.js", "/_next/static/chunks/page.js"]);
  });

  it("sets the nomodule polyfill apart: a browser with modules never loads it, but the page still names it", () => {
    expect(scriptsOf(html).noModule).toEqual(["/_next/static/chunks/polyfill.js"]);
    expect(scriptsOf(html.replace(/<script[^>]*noModule[^>]*><\/script>/, "")).noModule).toEqual([]);
  });
});
