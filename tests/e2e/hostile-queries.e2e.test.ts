/**
 * Property-based, through the real server: generated query strings (NUL, broken percent
 * escapes, lone surrogates, bidi controls, huge values, repeated names) on the public pages
 * never get a server error. The in-process properties (1,000 runs each) are in
 * tests/integration/security/property-inputs.test.ts; these check the whole page renders.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { baseUrl, e2eEnabled } from "./support/browser";

const PAGES: Record<string, string[]> = {
  "/jobs": ["q", "kind", "software", "departement", "remote", "minBudget", "postedWithinDays", "page"],
  "/experts": ["q", "software", "kind", "departement", "remote", "page", "sort"],
  "/signin": ["callbackUrl", "error"],
  "/dev/mailbox": ["to"],
};

/** One query-string value, percent-encoded or raw-and-broken as an attacker would send it. */
const value = fc.oneof(
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.string({ unit: fc.constantFrom("%00", "%FF", "%C3%28", "%ED%A0%80", "%E2%80%AE", "%E2%80%8B", "%", "%%", "+", "&", "=", "é", "a"), maxLength: 20 }),
  fc.constantFrom("-1", "0", "1e309", "NaN", "99999999999999999999", "%2F%2Fevil.example", "javascript:alert(1)"),
  fc.nat({ max: 20_000 }).map((n) => "a".repeat(n)),
);

describe.skipIf(!e2eEnabled)("generated query strings on public pages", () => {
  for (const [path, names] of Object.entries(PAGES)) {
    it(`${path} answers without a server error`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 }).map(encodeURIComponent)), value), { maxLength: 6 }), async (pairs) => {
          const query = pairs.map(([name, v]) => `${name}=${v}`).join("&");
          const response = await fetch(`${baseUrl}${path}?${query}`, { redirect: "manual" });
          await response.arrayBuffer();
          expect(response.status, `${path}?${query.slice(0, 200)}`).toBeLessThan(500);
        }),
        { numRuns: 150 },
      );
    });
  }
});
