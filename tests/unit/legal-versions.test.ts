import { describe, expect, it } from "vitest";
import { mayPassWithoutAccepting, safeCallbackPath } from "@/lib/legal/callback";
import { earliestEffectiveDate, findVersion, LEGAL_DOCUMENTS, LEGAL_VERSIONS } from "@/lib/legal/versions";
import { MANDATE_VERSION } from "@/lib/invoicing/mandate-text";

describe("legal versions", () => {
  it("gives 15 days' notice, 30 when the fees change, counted in whole days", () => {
    const now = new Date("2026-12-05T22:30:00Z");
    expect(earliestEffectiveDate(now, false).toISOString()).toBe("2026-12-20T00:00:00.000Z");
    expect(earliestEffectiveDate(now, true).toISOString()).toBe("2027-01-04T00:00:00.000Z");
  });

  it("counts the notice from today in Paris, already tomorrow there at 23:30 UTC", () => {
    const now = new Date("2026-12-05T23:30:00Z");
    expect(earliestEffectiveDate(now, false).toISOString()).toBe("2026-12-21T00:00:00.000Z");
  });

  it("each document starts with a dated first version; the mandate's is MANDATE_VERSION", () => {
    for (const document of LEGAL_DOCUMENTS) expect(LEGAL_VERSIONS[document][0]?.baselineFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(findVersion("mandate", MANDATE_VERSION)).not.toBeNull();
    expect(findVersion("terms", "2")?.changes?.fr).toContain("modération");
  });

  it.each([
    [undefined, "/dashboard"],
    ["/contracts/1?x=2", "/contracts/1?x=2"],
    ["https://evil.example/", "/dashboard"],
    ["//evil.example/", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["/legal/accept?callbackUrl=/x", "/dashboard"],
  ])("returns after acceptance only to a path of the app: %s → %s", (given, expected) => {
    expect(safeCallbackPath(given)).toBe(expected);
  });

  it.each([
    ["/legal/accept", true],
    ["/legal/terms/v/2", true],
    ["/account", true],
    ["/contact?topic=authority", true],
    ["/dashboard", false],
    ["/", false],
    ["/legalize", false],
  ])("lets a person with versions to accept open %s: %s", (path, allowed) => {
    expect(mayPassWithoutAccepting(path)).toBe(allowed);
  });
});
