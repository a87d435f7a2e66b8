import { afterEach, describe, expect, it, vi } from "vitest";
import { parisDay } from "@/lib/dates";
import { missingForSubmission, urssafState } from "@/lib/experts/completeness";
import type { ExpertProfile } from "@/db/schema";

afterEach(() => {
  vi.useRealTimers();
});

/** 23:30 UTC on 14 January 2027: already 00:30 on the 15th in Paris. */
const LATE_EVENING_UTC = new Date("2027-01-14T23:30:00Z");

describe("business dates are Paris days", () => {
  it("the Paris day of an instant, across midnight in winter (UTC+1) and summer (UTC+2)", () => {
    expect(parisDay(LATE_EVENING_UTC)).toBe("2027-01-15");
    expect(parisDay(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
    expect(parisDay(new Date("2026-12-31T22:59:59Z"))).toBe("2026-12-31");
    expect(parisDay(new Date("2027-06-30T22:00:00Z"))).toBe("2027-07-01");
    expect(parisDay(new Date("2027-06-30T21:59:59Z"))).toBe("2027-06-30");
  });

  it("today is the Paris day: at 23:30 UTC it is already tomorrow", () => {
    vi.useFakeTimers({ toFake: ["Date"], now: LATE_EVENING_UTC });
    expect(new Date().toISOString().slice(0, 10)).toBe("2027-01-14");
    expect(parisDay()).toBe("2027-01-15");
  });

  it("a certificate or an insurance that ends on the 15th no longer counts at 00:30 in Paris on the 15th", () => {
    vi.useFakeTimers({ toFake: ["Date"], now: LATE_EVENING_UTC });
    // Issued six months before: stale from 2027-01-15.
    const evidence = [{ kind: "urssaf" as const, issuedOn: "2026-07-15" }];
    expect(urssafState(evidence)).toBe("stale");
    const profile = { displayName: "Camille", headline: "Nextcloud", bio: "", serviceKinds: [], departments: [], remoteOk: true, dailyRateCents: null, legalForm: null, siret: null, vatRegime: null, vatNumber: null, insurer: "MAAF", insurancePolicyNumber: "P-1", insuranceExpiresOn: "2027-01-15" } as unknown as ExpertProfile;
    expect(missingForSubmission(profile, 1, evidence)).toEqual(expect.arrayContaining(["insurance", "evidenceUrssaf"]));
  });
});
