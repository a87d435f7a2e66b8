import { describe, expect, it } from "vitest";
import { verificationStatus } from "@/db/schema";
import { isEditable, nextVerificationStatus, type VerificationEvent } from "@/lib/experts/verification-machine";

const events: VerificationEvent[] = ["submit", "approve", "request_changes", "reject", "suspend", "reinstate"];
const legal: Record<string, string> = {
  "draft:submit": "submitted",
  "changes_requested:submit": "submitted",
  "submitted:approve": "verified",
  "submitted:request_changes": "changes_requested",
  "submitted:reject": "rejected",
  "verified:suspend": "suspended",
  "suspended:reinstate": "verified",
};

describe("verification state machine", () => {
  for (const from of verificationStatus.enumValues) {
    for (const event of events) {
      const expected = legal[`${from}:${event}`] ?? null;
      it(`${from} --${event}--> ${expected ?? "refused"}`, () => {
        expect(nextVerificationStatus(from, event)).toBe(expected);
      });
    }
  }

  it("lets the expert edit only outside review, rejection and suspension", () => {
    expect(verificationStatus.enumValues.filter(isEditable)).toEqual(["draft", "verified", "changes_requested"]);
  });
});
