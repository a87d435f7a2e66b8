import { describe, expect, it } from "vitest";
import { milestoneStatus } from "@/db/schema";
import { isMilestoneSettled, nextMilestoneStatus, type MilestoneEvent } from "@/lib/payments/milestone-machine";

const events: MilestoneEvent[] = ["fund", "deliver", "approve", "dispute", "settle_release", "settle_refund", "settle_split"];
const allowed: Record<string, string> = {
  "pending:fund": "funded",
  "funded:deliver": "delivered",
  "funded:dispute": "disputed",
  "delivered:approve": "released",
  "delivered:dispute": "disputed",
  "disputed:settle_release": "released",
  "disputed:settle_refund": "refunded",
  "disputed:settle_split": "split",
};

describe("milestone state machine", () => {
  for (const from of milestoneStatus.enumValues) {
    for (const event of events) {
      const expected = allowed[`${from}:${event}`] ?? null;
      it(`${from} + ${event} → ${expected ?? "refused"}`, () => expect(nextMilestoneStatus(from, event)).toBe(expected));
    }
  }
  it("released, refunded and split are the settled states", () => {
    expect(milestoneStatus.enumValues.filter(isMilestoneSettled)).toEqual(["released", "refunded", "split"]);
  });
});
