import { describe, expect, it } from "vitest";
import { directoryFiltersSchema } from "@/lib/experts/directory";
import { jobFiltersSchema } from "@/lib/jobs/queries";
import { offerFiltersSchema } from "@/lib/offers/schemas";
import { isNarrowed } from "@/lib/search/narrowed";

/** The board, the directory and the offers say "nothing published yet" only when no filter is set. */
describe("isNarrowed", () => {
  const schemas = [
    ["the job board", jobFiltersSchema],
    ["the directory", directoryFiltersSchema],
    ["the offers", offerFiltersSchema],
  ] as const;

  for (const [name, schema] of schemas) {
    it(`${name}: no filter, nor a page number alone, nor blank or unreadable values narrow it`, () => {
      expect(isNarrowed(schema.parse({}))).toBe(false);
      expect(isNarrowed(schema.parse({ page: "3" }))).toBe(false);
      expect(isNarrowed(schema.parse({ q: "   ", departement: "XX", kind: "nope" }))).toBe(false);
    });

    it(`${name}: a search, a département or remote work narrows it`, () => {
      expect(isNarrowed(schema.parse({ q: "nextcloud" }))).toBe(true);
      expect(isNarrowed(schema.parse({ departement: "69" }))).toBe(true);
      expect(isNarrowed(schema.parse({ remote: "1" }))).toBe(true);
    });
  }
});
