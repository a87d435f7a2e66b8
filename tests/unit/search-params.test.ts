import { describe, expect, it } from "vitest";
import { directoryFiltersSchema } from "@/lib/experts/directory";
import { MAX_SEARCH_PARAM_CHARS, searchParamsOf } from "@/lib/http/search-params";
import { jobFiltersSchema } from "@/lib/jobs/queries";

describe("searchParamsOf", () => {
  it("keeps plain single values, from a page's searchParams or a URL", () => {
    expect(searchParamsOf({ q: "nextcloud", kind: "support", empty: "" })).toEqual({ q: "nextcloud", kind: "support", empty: "" });
    expect(searchParamsOf(new URL("http://x/jobs?q=caf%C3%A9&remote=1").searchParams)).toEqual({ q: "café", remote: "1" });
  });

  it("drops repeated parameters and absent ones", () => {
    expect(searchParamsOf({ q: ["a", "b"], to: undefined, kind: "support" })).toEqual({ kind: "support" });
    expect(searchParamsOf(new URLSearchParams("q=a&q=b&kind=support"))).toEqual({ kind: "support" });
  });

  it.each([
    ["a NUL (%00)", "q=%00"],
    ["a NUL inside a word", "q=next%00cloud"],
    ["an invalid UTF-8 byte (%FF)", "q=%FF"],
    ["a truncated UTF-8 sequence", "q=%C3%28"],
  ])("drops a value with %s, as if absent", (_what, query) => {
    expect(searchParamsOf(new URLSearchParams(query))).toEqual({});
    expect(searchParamsOf(Object.fromEntries(new URLSearchParams(query)))).toEqual({});
  });

  it("drops a parameter whose name is not clean text, and values too long to be a search", () => {
    expect(searchParamsOf(new URLSearchParams("%00=1&ok=1"))).toEqual({ ok: "1" });
    expect(searchParamsOf({ q: "x".repeat(MAX_SEARCH_PARAM_CHARS + 1) })).toEqual({});
  });

  it("leaves the job board and the directory on their defaults for /jobs?q=%00 and /experts?software=%00", () => {
    const jobs = jobFiltersSchema.parse(searchParamsOf(new URLSearchParams("q=%00&software=%00")));
    expect([jobs.q, jobs.software]).toEqual([undefined, undefined]);
    const experts = directoryFiltersSchema.parse(searchParamsOf(new URLSearchParams("q=%00&software=%FF")));
    expect([experts.q, experts.software]).toEqual([undefined, undefined]);
  });
});
