import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { easterSunday, frenchHolidays } from "@/lib/tickets/holidays";
import { workingDeadline, workingMinutesBetween } from "@/lib/tickets/working-hours";

const officeHours = { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 18 * 60 };
const always = { days: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 24 * 60 };
const at = (iso: string) => new Date(iso);
const deadline = (iso: string, hours: number, schedule = officeHours) => workingDeadline(at(iso), hours * 60, schedule).toISOString();

describe("French public holidays", () => {
  it("Easter Sunday of known years", () => {
    expect(easterSunday(2000)).toBe("2000-04-23");
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
    expect(easterSunday(2038)).toBe("2038-04-25");
  });

  it("the eleven holidays of 2026, Easter Monday, Ascension and Whit Monday included", () => {
    expect([...frenchHolidays(2026)].sort()).toEqual([
      "2026-01-01",
      "2026-04-06",
      "2026-05-01",
      "2026-05-08",
      "2026-05-14",
      "2026-05-25",
      "2026-07-14",
      "2026-08-15",
      "2026-11-01",
      "2026-11-11",
      "2026-12-25",
    ]);
  });
});

describe("the working-hours deadline", () => {
  it("a Friday 17:00 ticket with a 4 h target on 9–18 is due Monday 12:00", () => {
    // 4 December 2026, Paris is UTC+1.
    expect(deadline("2026-12-04T16:00:00Z", 4)).toBe("2026-12-07T11:00:00.000Z");
  });

  it("within the day, and from before opening time", () => {
    expect(deadline("2026-12-02T09:00:00Z", 2)).toBe("2026-12-02T11:00:00.000Z");
    expect(deadline("2026-12-02T05:00:00Z", 1)).toBe("2026-12-02T09:00:00.000Z");
    // Saturday evening: starts Monday 9:00.
    expect(deadline("2026-12-05T19:00:00Z", 9)).toBe("2026-12-07T17:00:00.000Z");
  });

  it("skips 1 May, 14 July, Easter Monday, Ascension and Whit Monday", () => {
    // Thursday 30 April 2026 17:00 (UTC+2); Friday 1 May is a holiday.
    expect(deadline("2026-04-30T15:00:00Z", 4)).toBe("2026-05-04T10:00:00.000Z");
    // Monday 13 July 17:00; Tuesday 14 July is a holiday.
    expect(deadline("2026-07-13T15:00:00Z", 2)).toBe("2026-07-15T08:00:00.000Z");
    // Good Friday 3 April 2026 17:00; Easter Monday 6 April.
    expect(deadline("2026-04-03T15:00:00Z", 4)).toBe("2026-04-07T10:00:00.000Z");
    // Wednesday 13 May 17:00; Ascension Thursday 14 May.
    expect(deadline("2026-05-13T15:00:00Z", 4)).toBe("2026-05-15T10:00:00.000Z");
    // Friday 22 May 17:00; Whit Monday 25 May.
    expect(deadline("2026-05-22T15:00:00Z", 4)).toBe("2026-05-26T10:00:00.000Z");
  });

  it("keeps Paris wall-clock hours across the DST changes", () => {
    // Spring forward on Sunday 29 March 2026: Friday 17:00 is UTC+1, Monday 12:00 is UTC+2.
    expect(deadline("2026-03-27T16:00:00Z", 4)).toBe("2026-03-30T10:00:00.000Z");
    // Fall back on Sunday 25 October 2026: Friday 17:00 is UTC+2, Monday 12:00 is UTC+1.
    expect(deadline("2026-10-23T15:00:00Z", 4)).toBe("2026-10-26T11:00:00.000Z");
  });

  it("a round-the-clock schedule counts real time, the short and the long day included", () => {
    // 29 March 2026 lasts 23 hours in Paris, 25 October 2026 lasts 25 hours.
    expect(workingMinutesBetween(at("2026-03-28T23:00:00Z"), at("2026-03-29T22:00:00Z"), always)).toBe(23 * 60);
    expect(workingMinutesBetween(at("2026-10-24T22:00:00Z"), at("2026-10-25T23:00:00Z"), always)).toBe(25 * 60);
    // Saturday 2 May 2026 is no holiday; 1 May is.
    expect(deadline("2026-04-30T22:00:00Z", 1, always)).toBe("2026-05-01T23:00:00.000Z");
  });

  it("a schedule with no working day fails loudly instead of looping", () => {
    expect(() => workingDeadline(at("2026-12-04T16:00:00Z"), 60, { days: [], startMinute: 540, endMinute: 1080 })).toThrow();
  });
});

describe("the working time between two instants", () => {
  it("counts only open hours, and nothing backwards", () => {
    expect(workingMinutesBetween(at("2026-12-04T16:00:00Z"), at("2026-12-07T11:00:00Z"), officeHours)).toBe(240);
    expect(workingMinutesBetween(at("2026-12-07T11:00:00Z"), at("2026-12-04T16:00:00Z"), officeHours)).toBe(0);
    // A whole weekend and the evening: nothing.
    expect(workingMinutesBetween(at("2026-12-04T17:00:00Z"), at("2026-12-07T08:00:00Z"), officeHours)).toBe(0);
    // Christmas Day 2026 is a Friday.
    expect(workingMinutesBetween(at("2026-12-24T08:00:00Z"), at("2026-12-26T08:00:00Z"), officeHours)).toBe(9 * 60);
  });
});

const minuteInstant = fc.integer({ min: Date.UTC(2024, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }).map((m) => new Date(m * 60_000));
const schedule = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    start: fc.integer({ min: 0, max: 95 }),
    length: fc.integer({ min: 1, max: 96 }),
  })
  .map(({ days, start, length }) => ({ days, startMinute: start * 15, endMinute: Math.min(96, start + length) * 15 }))
  .filter((s) => s.endMinute > s.startMinute);

describe("clock properties", () => {
  it("the working time from a start to its deadline is the target", () => {
    fc.assert(
      fc.property(minuteInstant, fc.integer({ min: 0, max: 60 * 80 }), schedule, (start, minutes, hours) => {
        const due = workingDeadline(start, minutes, hours);
        expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(workingMinutesBetween(start, due, hours)).toBe(minutes);
      }),
    );
  });

  it("a deadline in two steps is the deadline in one", () => {
    fc.assert(
      fc.property(minuteInstant, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 3000 }), schedule, (start, a, b, hours) => {
        expect(workingDeadline(workingDeadline(start, a, hours), b, hours)).toEqual(workingDeadline(start, a + b, hours));
      }),
    );
  });

  it("working time adds up and never exceeds real time", () => {
    fc.assert(
      fc.property(minuteInstant, fc.array(fc.integer({ min: 0, max: 60 * 24 * 40 }), { minLength: 2, maxLength: 2 }), schedule, (a, offsets, hours) => {
        const [b, c] = offsets.sort((x, y) => x - y).map((m) => new Date(a.getTime() + m * 60_000)) as [Date, Date];
        const ac = workingMinutesBetween(a, c, hours);
        expect(workingMinutesBetween(a, b, hours) + workingMinutesBetween(b, c, hours)).toBe(ac);
        expect(ac).toBeLessThanOrEqual((c.getTime() - a.getTime()) / 60_000);
      }),
    );
  });
});
