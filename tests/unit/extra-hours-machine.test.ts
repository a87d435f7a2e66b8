import { describe, expect, it } from "vitest";
import { nextExtraHoursStatus } from "@/lib/tickets/extra-hours-machine";

describe("the extra hours state machine", () => {
  it("lets submitted hours be approved (by the client or the deadline) or refused", () => {
    expect(nextExtraHoursStatus("submitted", "approve")).toBe("approved");
    expect(nextExtraHoursStatus("submitted", "autoApprove")).toBe("approved");
    expect(nextExtraHoursStatus("submitted", "refuse")).toBe("rejected");
  });

  it("refuses every move once decided: no refusal after approval, no approval after refusal", () => {
    for (const status of ["approved", "rejected"] as const) {
      for (const move of ["approve", "autoApprove", "refuse"] as const) expect(nextExtraHoursStatus(status, move)).toBeNull();
    }
  });
});
