import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale } from "@/lib/i18n/locale";

describe("locale", () => {
  it.each([
    [null, "fr"],
    ["", "fr"],
    ["en-GB,en;q=0.9,fr;q=0.8", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["de-DE,de;q=0.9", "fr"],
    ["de-DE,en;q=0.5", "en"],
    ["fr;q=0.2,en;q=0.7", "en"],
    ["en;q=0,fr", "fr"],
    ["*", "fr"],
  ])("Accept-Language %s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("prefers a valid cookie over the header", () => {
    expect(resolveLocale("en", "fr-FR")).toBe("en");
    expect(resolveLocale("de", "en-US")).toBe("en");
    expect(resolveLocale(undefined, null)).toBe("fr");
  });
});
