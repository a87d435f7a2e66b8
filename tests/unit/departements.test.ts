import { describe, expect, it } from "vitest";
import { departementName, departements, isDepartementCode } from "@/lib/geo/departements";

/** INSEE order: Corsica's 2A and 2B sit where 20 used to be. */
const inseeKey = (code: string) => (code === "2A" ? 20.1 : code === "2B" ? 20.2 : Number(code));

describe("French départements", () => {
  it("lists the 101 départements with unique codes, in INSEE order", () => {
    expect(departements).toHaveLength(101);
    const codes = departements.map((d) => d.code);
    expect(new Set(codes).size).toBe(101);
    expect([...codes].sort((a, b) => inseeKey(a) - inseeKey(b))).toEqual(codes);
    expect(codes.slice(17, 23)).toEqual(["18", "19", "2A", "2B", "21", "22"]);
    expect(codes.slice(-5)).toEqual(["971", "972", "973", "974", "976"]);
    expect(codes.every((c) => /^(0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-46])$/.test(c))).toBe(true);
    expect(codes).not.toContain("20");
  });

  it("has a name and a region for each", () => {
    for (const d of departements) {
      expect(d.name.trim(), d.code).not.toBe("");
      expect(d.region.trim(), d.code).not.toBe("");
    }
    expect(new Set(departements.map((d) => d.region)).size).toBe(18); // 13 metropolitan + 5 overseas regions
  });

  it("knows Corsica, Paris, overseas", () => {
    expect(departementName("2A")).toBe("Corse-du-Sud");
    expect(departementName("2B")).toBe("Haute-Corse");
    expect(departementName("75")).toBe("Paris");
    expect(departements.find((d) => d.code === "75")?.region).toBe("Île-de-France");
    expect(departementName("974")).toBe("La Réunion");
    expect(departementName("976")).toBe("Mayotte");
    expect(departementName("07")).toBe("Ardèche");
    expect(departementName("22")).toBe("Côtes-d'Armor");
    expect(departementName("99")).toBeUndefined();
  });

  it("recognises only exact codes", () => {
    for (const code of ["01", "2A", "2B", "75", "95", "971", "974", "976"]) expect(isDepartementCode(code), code).toBe(true);
    for (const code of ["1", "00", "20", "2a", "2C", "96", "975", "977", " 75", "75 ", "", 75, null, undefined, {}]) {
      expect(isDepartementCode(code), String(code)).toBe(false);
    }
  });

  it("is read-only", () => {
    expect(Object.isFrozen(departements)).toBe(true);
    expect(Object.isFrozen(departements[0])).toBe(true);
  });
});
