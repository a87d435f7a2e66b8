import { z } from "zod";
import { trainingFormat, trainingPriceBasis, trainingSlots, type TrainingSessionPlan } from "@/db/schema";
import { eurosToCents } from "@/lib/money/commission";
import { MAX_MILESTONE_CENTS, maxContractCents } from "@/lib/money/limits";
import { identityText } from "@/lib/text/identity";

/** "11 75 12345 75" or "11751234575": the training activity declaration number, 11 digits. */
export function normaliseActivityDeclarationNumber(value: string): string | null {
  const digits = value.replace(/[\s\u00a0.-]/g, "");
  return /^\d{11}$/.test(digits) ? digits : null;
}

const longText = (min: number, error: string) => z.string({ error }).trim().min(min, { error }).max(5000, { error: "tooLong" });

export const MAX_TRAINING_SESSIONS = 12;
export const MAX_TRAINING_ATTENDEES = 30;

/**
 * The training terms of a bid. The price is per session or per person; saving the terms turns
 * the bid into one milestone per session, so each session delivered is paid on its own.
 */
export const trainingTermsSchema = z
  .object({
    bidId: z.uuid({ error: "required" }),
    objectives: longText(20, "trainingObjectives"),
    prerequisites: longText(2, "required"),
    outline: longText(20, "trainingOutline"),
    durationHours: z.coerce.number({ error: "trainingHours" }).int({ error: "trainingHours" }).min(1, { error: "trainingHours" }).max(400, { error: "trainingHours" }),
    format: z.enum(trainingFormat.enumValues, { error: "required" }),
    attendeesCount: z.coerce
      .number({ error: "trainingAttendees" })
      .int({ error: "trainingAttendees" })
      .min(1, { error: "trainingAttendees" })
      .max(MAX_TRAINING_ATTENDEES, { error: "trainingAttendees" }),
    sessions: z
      .array(z.object({ date: z.iso.date({ error: "date" }), slot: z.enum(trainingSlots, { error: "required" }) }))
      .min(1, { error: "trainingSessionsRequired" })
      .max(MAX_TRAINING_SESSIONS, { error: "tooMany" }),
    priceBasis: z.enum(trainingPriceBasis.enumValues, { error: "required" }),
    unitPrice: z.string({ error: "amount" }).max(30, { error: "amount" }),
    qualiopiCertified: z.boolean(),
    activityDeclarationNumber: z.string({ error: "activityDeclarationNumber" }).max(30, { error: "activityDeclarationNumber" }),
  })
  .transform((terms, ctx) => {
    const unitPriceCents = eurosToCents(terms.unitPrice);
    if (!unitPriceCents) ctx.addIssue({ code: "custom", path: ["unitPrice"], message: "amount" });
    const activityDeclarationNumber = normaliseActivityDeclarationNumber(terms.activityDeclarationNumber);
    if (!activityDeclarationNumber) ctx.addIssue({ code: "custom", path: ["activityDeclarationNumber"], message: "activityDeclarationNumber" });
    const sessions = [...terms.sessions].sort((a, b) => a.date.localeCompare(b.date) || trainingSlots.indexOf(a.slot) - trainingSlots.indexOf(b.slot));
    const seen = new Set<string>();
    sessions.forEach((s, i) => {
      const halves = s.slot === "full_day" ? ["morning", "afternoon"] : [s.slot];
      for (const half of halves) {
        if (seen.has(`${s.date}:${half}`)) ctx.addIssue({ code: "custom", path: ["sessions", i, "date"], message: "trainingSessionOverlap" });
        seen.add(`${s.date}:${half}`);
      }
    });
    const amounts = unitPriceCents ? sessionAmounts(terms.priceBasis, unitPriceCents, terms.attendeesCount, sessions.length) : [];
    const totalCents = amounts.reduce((sum, a) => sum + a, 0);
    if (totalCents > maxContractCents() || amounts.some((a) => a > MAX_MILESTONE_CENTS)) {
      ctx.addIssue({ code: "custom", path: ["unitPrice"], message: "amountOverContractLimit" });
    }
    return { ...terms, sessions, unitPriceCents: unitPriceCents ?? 0, activityDeclarationNumber: activityDeclarationNumber ?? "", amounts, totalCents };
  });

export type TrainingTermsInput = z.input<typeof trainingTermsSchema>;
export type TrainingTermsData = z.output<typeof trainingTermsSchema>;

/**
 * What each session costs: the unit price per session, or the price per person times the
 * attendees spread over the sessions (whole cents, the remainder on the last session).
 */
export function sessionAmounts(basis: "per_session" | "per_person", unitPriceCents: number, attendees: number, sessions: number): number[] {
  if (sessions < 1) return [];
  if (basis === "per_session") return Array.from({ length: sessions }, () => unitPriceCents);
  const total = unitPriceCents * attendees;
  const share = Math.floor(total / sessions);
  return Array.from({ length: sessions }, (_, i) => (i === sessions - 1 ? total - share * (sessions - 1) : share));
}

/** "Session 2 — 2027-03-12 (morning)": the milestone title of a session, the same in both languages. */
export function sessionMilestoneTitle(position: number, session: TrainingSessionPlan): string {
  const slot = { full_day: "journée / full day", morning: "matin / morning", afternoon: "après-midi / afternoon" }[session.slot];
  return `Session ${position + 1} — ${session.date} (${slot})`;
}

export const attendeesSchema = z.object({
  contractId: z.uuid({ error: "required" }),
  attendees: z
    .array(
      z.object({
        fullName: identityText().min(2, { error: "required" }).max(200, { error: "tooLong" }),
        email: z.string().trim().toLowerCase().max(254, { error: "email" }).pipe(z.email({ error: "email" })),
      }),
    )
    .min(1, { error: "trainingAttendeesRequired" })
    .max(MAX_TRAINING_ATTENDEES, { error: "tooMany" }),
});

export type AttendeesInput = z.input<typeof attendeesSchema>;
