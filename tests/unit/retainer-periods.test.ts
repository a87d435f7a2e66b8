import { describe, expect, it } from "vitest";
import { addMonthsToDay, periodIndexOn, retainerPeriod } from "@/lib/retainers/periods";
import { listItems, minutesOfDay, timeOfDay } from "@/lib/retainers/schemas";

describe("retainer periods", () => {
  it("run from the anniversary day, or the month's last day when it is shorter", () => {
    expect(retainerPeriod("2027-01-15", 0)).toEqual({ periodStart: "2027-01-15", periodEnd: "2027-02-14" });
    expect(retainerPeriod("2027-01-31", 0)).toEqual({ periodStart: "2027-01-31", periodEnd: "2027-02-27" });
    expect(retainerPeriod("2027-01-31", 1)).toEqual({ periodStart: "2027-02-28", periodEnd: "2027-03-30" });
    expect(retainerPeriod("2027-01-31", 2)).toEqual({ periodStart: "2027-03-31", periodEnd: "2027-04-29" });
    expect(retainerPeriod("2027-11-10", 1)).toEqual({ periodStart: "2027-12-10", periodEnd: "2028-01-09" });
    expect(addMonthsToDay("2028-01-31", 1)).toBe("2028-02-29");
  });

  it("find the period holding a day", () => {
    expect(periodIndexOn("2027-01-15", "2027-01-14")).toBe(-1);
    expect(periodIndexOn("2027-01-15", "2027-01-15")).toBe(0);
    expect(periodIndexOn("2027-01-15", "2027-02-14")).toBe(0);
    expect(periodIndexOn("2027-01-15", "2027-02-15")).toBe(1);
    expect(periodIndexOn("2027-01-31", "2027-03-30")).toBe(1);
    expect(periodIndexOn("2027-01-31", "2027-03-31")).toBe(2);
    expect(periodIndexOn("2027-01-15", "2028-01-20")).toBe(12);
  });
});

describe("retainer form values", () => {
  it("read times of day and lists", () => {
    expect(minutesOfDay("09:30")).toBe(570);
    expect(minutesOfDay("9h")).toBeNull();
    expect(minutesOfDay("24:00")).toBeNull();
    expect(timeOfDay(1080)).toBe("18:00");
    expect(listItems("Nextcloud, WireGuard\nnextcloud\n\n;Odoo")).toEqual(["Nextcloud", "WireGuard", "Odoo"]);
  });
});
