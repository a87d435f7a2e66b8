import { render } from "@react-email/components";
import { describe, expect, it } from "vitest";
import TrainingAttendeeEmail, { trainingAttendeeSubject } from "@/emails/TrainingAttendeeEmail";

const props = {
  attendeeName: "Léa Dubois",
  trainingTitle: "Nextcloud for the team",
  organisation: "Boulangerie Martin SARL",
  trainer: "Libre Conseil",
  format: "mixed" as const,
  place: "on site, in département 69",
  durationHours: 14,
  sessions: ["8 March 2027, full day", "15 March 2027, morning"],
  objectives: "Share and sync files.",
  prerequisites: "None.",
};

describe("the training attendee email", () => {
  it("gives the attendee the sessions, format, hours, objectives and prerequisites, in English and French", async () => {
    const en = await render(<TrainingAttendeeEmail {...props} locale="en" />, { plainText: true });
    expect(trainingAttendeeSubject({ ...props, locale: "en" })).toBe("Your training: Nextcloud for the team");
    expect(en).toContain("Boulangerie Martin SARL has registered you for the training “Nextcloud for the team”, given by Libre Conseil.");
    expect(en).toContain("Format: mixed (on site and remote), 14 hours in all — on site, in département 69");
    expect(en).toContain("8 March 2027, full day");
    expect(en).toContain("15 March 2027, morning");
    expect(en).toContain("Share and sync files.");
    const fr = await render(<TrainingAttendeeEmail {...props} locale="fr" />, { plainText: true });
    expect(trainingAttendeeSubject({ ...props, locale: "fr" })).toBe("Votre formation : Nextcloud for the team");
    expect(fr).toContain("Format : mixte (présentiel et distance), 14 heures au total");
    expect(fr).toContain("feuille d’émargement");
  });
});
