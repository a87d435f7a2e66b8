import { render } from "@react-email/components";
import { describe, expect, it } from "vitest";
import ModerationEmail, { moderationSubject } from "@/emails/ModerationEmail";
import { complaintDeadline } from "@/lib/moderation/rules";
import { reportDecisionSchema, reportSchema } from "@/lib/moderation/schemas";
import { reportYear } from "@/lib/moderation/transparency";

const base = {
  targetType: "job",
  targetId: "00000000-0000-4000-8000-000000000001",
  reason: "fraud",
  explanation: "Une annonce qui demande un paiement hors plateforme.",
  location: "/jobs/x",
  name: "Rita",
  email: "rita@example.test",
  goodFaith: true,
} as const;

describe("moderation rules", () => {
  it("asks the reporter's identity unless the report is about CSAM, and always the good-faith statement", () => {
    expect(reportSchema.safeParse(base).success).toBe(true);
    expect(reportSchema.safeParse({ ...base, name: "", email: "" }).success).toBe(false);
    expect(reportSchema.safeParse({ ...base, reason: "csam", name: "", email: "" }).success).toBe(true);
    expect(reportSchema.safeParse({ ...base, reason: "csam", email: "not-an-address" }).success).toBe(false);
    expect(reportSchema.safeParse({ ...base, goodFaith: false }).success).toBe(false);
  });

  it("requires a ground to remove or restrict, not to keep", () => {
    const decision = { reportId: base.targetId, note: "Motifs suffisamment longs." };
    expect(reportDecisionSchema.safeParse({ ...decision, outcome: "kept" }).success).toBe(true);
    expect(reportDecisionSchema.safeParse({ ...decision, outcome: "removed" }).success).toBe(false);
    expect(reportDecisionSchema.safeParse({ ...decision, outcome: "restricted", ground: "law_personal_data" }).success).toBe(true);
  });

  it("gives six months to complain, and a sane report year", () => {
    expect(complaintDeadline(new Date("2026-08-31T10:00:00Z")).toISOString()).toBe("2027-03-03T10:00:00.000Z");
    expect(complaintDeadline(new Date("2026-01-15T10:00:00Z")).toISOString()).toBe("2026-07-15T10:00:00.000Z");
    const now = new Date("2026-12-05T12:00:00Z");
    expect([reportYear("2025", now), reportYear("1990", now), reportYear("2031", now), reportYear(null, now), reportYear("abc", now)]).toEqual([2025, 2026, 2026, 2026, 2026]);
  });

  it("renders the statement email in both languages with the redress and the link", async () => {
    const props = { event: "statement", outcome: "account_suspended", note: "Annonces trompeuses.", url: "https://compagnon.example/decisions/1?key=k" } as const;
    const fr = await render(<ModerationEmail locale="fr" {...props} />, { plainText: true });
    const en = await render(<ModerationEmail locale="en" {...props} />, { plainText: true });
    expect(fr).toContain("Décision : compte suspendu");
    expect(fr).toContain("dans les six mois");
    expect(en).toContain("Decision: account suspended");
    expect(en).toContain("https://compagnon.example/decisions/1?key=k");
    expect(moderationSubject({ locale: "en", ...props })).toBe("Statement of reasons for a decision about you");
  });

  it("names the ground in a statement email, and says a restriction was lifted, in both languages", async () => {
    const statement = { event: "statement", outcome: "payout_withheld", note: "Soupçon de fraude.", ground: "law_fraud", url: "https://compagnon.example/decisions/1?key=k" } as const;
    const fr = await render(<ModerationEmail locale="fr" {...statement} />, { plainText: true });
    const en = await render(<ModerationEmail locale="en" {...statement} />, { plainText: true });
    expect(fr).toContain("Décision : versement retenu");
    expect(fr).toContain("Fondement : Loi — fraude ou escroquerie");
    expect(en).toContain("Decision: payout withheld");
    expect(en).toContain("Ground: Law — fraud");
    const lifted = { event: "restriction_lifted", outcome: "account_suspended", note: "La banque a confirmé.", ground: null, url: "https://compagnon.example/decisions/1" } as const;
    expect(await render(<ModerationEmail locale="fr" {...lifted} />, { plainText: true })).toContain("Restriction levée : compte suspendu");
    expect(await render(<ModerationEmail locale="en" {...lifted} />, { plainText: true })).toContain("Restriction lifted: account suspended");
    expect(moderationSubject({ locale: "en", ...lifted })).toBe("A restriction concerning you was lifted");
  });
});
