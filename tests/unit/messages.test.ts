import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

function keys(object: object, prefix = ""): string[] {
  return Object.entries(object).flatMap(([key, value]) =>
    value && typeof value === "object" ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function leaf(object: object, path: string): string {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], object) as string;
}

describe("translations", () => {
  it("have the same keys in French and English", () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it("use the same placeholders in both languages, and no message is empty", () => {
    for (const key of keys(fr)) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(leaf(en, key)), key).toEqual(placeholders(leaf(fr, key)));
      expect(leaf(fr, key).trim(), key).not.toBe("");
      expect(leaf(en, key).trim(), key).not.toBe("");
    }
  });

  it("explain every validation code the use cases return", () => {
    const codes = ["required", "tooLong", "emailRequired", "emailInvalid", "sirenFormat", "sirenChecksum", "postalCode", "vat_invalid_format", "vat_invalid_key", "vat_siren_mismatch", "alreadyMember", "reasonRequired", "nameLength"];
    for (const code of codes) expect(Object.keys(fr.validation)).toContain(code);
  });
});
