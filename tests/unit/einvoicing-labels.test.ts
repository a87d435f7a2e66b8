import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { LIFECYCLE_CODES, LIFECYCLE_NAMES, needsAction } from "@/lib/einvoicing/statuses";

describe("e-invoicing status labels", () => {
  it("names every XP Z12-012 lifecycle code in French (as the standard does) and in English", () => {
    for (const code of LIFECYCLE_CODES) {
      const key = `status_${code}` as keyof typeof fr.einvoicing;
      expect(fr.einvoicing[key], `fr ${code}`).toBe(LIFECYCLE_NAMES[code]);
      expect(en.einvoicing[key], `en ${code}`).toMatch(/^[A-Z]/);
    }
    for (const state of ["queued", "submitted", "failed", "off", "no_address"]) {
      const key = `state_${state}` as keyof typeof fr.einvoicing;
      expect(fr.einvoicing[key]).toBeTruthy();
      expect(en.einvoicing[key]).toBeTruthy();
    }
  });

  it("flags the statuses someone must act on: rejected, refused, disputed, suspended", () => {
    expect(LIFECYCLE_CODES.filter(needsAction)).toEqual([207, 208, 210, 213]);
  });
});
