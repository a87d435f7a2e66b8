import { describe, expect, it } from "vitest";
import { attendeesError, attendeesFromLines, trainingTermsFromForm } from "@/lib/training/form-input";
import { normaliseActivityDeclarationNumber, sessionAmounts } from "@/lib/training/schemas";

describe("training form input", () => {
  it("reads one attendee a line, with a comma or angle brackets, skipping blank lines", () => {
    expect(attendeesFromLines("c", "Léa Dubois, lea@example.org\n\n  Marc Lefèvre <marc@example.org>\nNina sans adresse").attendees).toEqual([
      { fullName: "Léa Dubois", email: "lea@example.org" },
      { fullName: "Marc Lefèvre", email: "marc@example.org" },
      { fullName: "Nina sans adresse", email: "" },
    ]);
  });

  it("points an attendee's error at its line", () => {
    expect(attendeesError({ "attendees.2.email": "email" })).toEqual({ code: "email", line: 3 });
    expect(attendeesError({ attendees: "trainingAttendeesOverCount" })).toEqual({ code: "trainingAttendeesOverCount", line: null });
    expect(attendeesError(undefined)).toBeNull();
  });

  it("reads the sessions rows, skipping the empty ones", () => {
    const input = trainingTermsFromForm("b", { session_0_date: "2027-03-08", session_0_slot: "morning", session_1_date: "", session_2_date: "2027-03-09", qualiopiCertified: "yes" });
    expect(input.sessions).toEqual([{ date: "2027-03-08", slot: "morning" }, { date: "2027-03-09", slot: "full_day" }]);
    expect(input.qualiopiCertified).toBe(true);
  });

  it("normalises the activity declaration number and spreads a per-person price", () => {
    expect(normaliseActivityDeclarationNumber("84 69 12345 69")).toBe("84691234569");
    expect(normaliseActivityDeclarationNumber("8469123456")).toBeNull();
    expect(sessionAmounts("per_person", 10_001, 1, 3)).toEqual([3333, 3333, 3335]);
    expect(sessionAmounts("per_session", 500, 9, 2)).toEqual([500, 500]);
  });
});
