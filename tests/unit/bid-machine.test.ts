import { describe, expect, it } from "vitest";
import { bidStatus } from "@/db/schema";
import { nextBidStatus, type BidEvent } from "@/lib/bids/bid-machine";

const legal: Record<string, string> = {
  "submitted:shortlist": "shortlisted",
  "submitted:decline": "declined",
  "submitted:withdraw": "withdrawn",
  "submitted:accept": "accepted",
  "submitted:edit": "submitted",
  "shortlisted:decline": "declined",
  "shortlisted:accept": "accepted",
};

describe("bid state machine", () => {
  for (const from of bidStatus.enumValues) {
    for (const event of ["shortlist", "decline", "withdraw", "accept", "edit"] as BidEvent[]) {
      const expected = legal[`${from}:${event}`] ?? null;
      it(`${from} --${event}--> ${expected ?? "refused"}`, () => expect(nextBidStatus(from, event)).toBe(expected));
    }
  }
});
