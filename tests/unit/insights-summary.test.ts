import { describe, expect, it } from "vitest";
import { quarterChange } from "@/lib/insights/summary";

describe("the sentence above a chart", () => {
  it("compares the last three months with the three before", () => {
    expect(quarterChange([0, 0, 100, 100, 100, 100, 112, 112, 112])).toEqual({ direction: "up", percent: 12, current: 336, previous: 300 });
    expect(quarterChange([50, 50, 50, 25, 25, 25])).toEqual({ direction: "down", percent: 50, current: 75, previous: 150 });
    expect(quarterChange([10, 10, 10, 10, 10, 10])).toEqual({ direction: "flat", percent: 0, current: 30, previous: 30 });
  });

  it("says nothing comparative without six months or from a zero quarter", () => {
    expect(quarterChange([1, 2, 3, 4, 5])).toBeNull();
    expect(quarterChange([0, 0, 0, 5, 5, 5])).toBeNull();
  });
});
