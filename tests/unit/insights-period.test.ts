import { describe, expect, it } from "vitest";
import { parisMonth, parisMonthStart, periodFrom } from "@/lib/insights/period";

describe("insights periods", () => {
  it("counts Paris months: 23:30 UTC on 31 December is already January in Paris", () => {
    expect(parisMonth(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01");
    expect(parisMonthStart("2027-01").toISOString()).toBe("2026-12-31T23:00:00.000Z");
    expect(parisMonthStart("2026-07").toISOString()).toBe("2026-06-30T22:00:00.000Z");
  });

  it("the last 3, 6 or 12 months end with the current one; anything else is 12", () => {
    const now = new Date("2026-12-05T10:00:00Z");
    expect(periodFrom("3", now).months).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(periodFrom("6", now).months[0]).toBe("2026-07");
    const twelve = periodFrom("nonsense", now);
    expect(twelve.choice).toBe("12");
    expect(twelve.months).toHaveLength(12);
    expect(twelve.months[0]).toBe("2026-01");
    expect(twelve.from.toISOString()).toBe("2025-12-31T23:00:00.000Z");
    expect(twelve.to.toISOString()).toBe("2026-12-31T23:00:00.000Z");
  });

  it("a calendar year: whole for a past year, up to this month for this year, refused in the future", () => {
    const now = new Date("2026-03-05T10:00:00Z");
    expect(periodFrom("year-2025", now).months).toHaveLength(12);
    expect(periodFrom("year-2026", now).months).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(periodFrom("year-2027", now).choice).toBe("12");
  });
});
