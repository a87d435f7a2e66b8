import { z } from "zod";
import { choice } from "@/lib/text/choice";
import { eurosToCents } from "@/lib/money/commission";
import { positiveEuros } from "@/lib/money/euros-field";
import { MAX_MILESTONE_CENTS, maxContractCents } from "@/lib/money/limits";
import { identityText } from "@/lib/text/identity";

const cents = positiveEuros;

export const MIN_METHOD_LENGTH = 100;

export const bidSchema = z
  .object({
    jobId: z.uuid({ error: "required" }),
    pricing: choice(["fixed", "daily"], { error: "required" }),
    total: z.string().max(30, { error: "amount" }).optional(),
    dailyRate: z.string().max(30, { error: "amount" }).optional(),
    days: z.string().max(10, { error: "bidDays" }).optional(),
    durationDays: z.coerce.number({ error: "bidDuration" }).int({ error: "bidDuration" }).min(1, { error: "bidDuration" }).max(730, { error: "bidDuration" }),
    startOn: z.iso.date({ error: "date" }),
    method: z.string().trim().min(MIN_METHOD_LENGTH, { error: "bidMethod" }).max(10_000, { error: "tooLong" }),
    milestones: z
      .array(
        z.object({
          title: identityText().min(3, { error: "required" }).max(200, { error: "tooLong" }),
          amount: cents("amount"),
          dueOn: z.iso.date({ error: "date" }),
        }),
      )
      .min(1, { error: "milestonesRequired" })
      .max(12, { error: "tooMany" }),
  })
  .transform((bid, ctx) => {
    let totalCents: number | null = null;
    let dailyRateCents: number | null = null;
    let days: number | null = null;
    if (bid.pricing === "fixed") {
      totalCents = eurosToCents(bid.total ?? "");
      if (!totalCents) ctx.addIssue({ code: "custom", path: ["total"], message: "amount" });
    } else {
      dailyRateCents = eurosToCents(bid.dailyRate ?? "");
      days = /^\d+$/.test(bid.days ?? "") ? Number(bid.days) : null;
      if (!dailyRateCents) ctx.addIssue({ code: "custom", path: ["dailyRate"], message: "amount" });
      if (!days || days < 1 || days > 365) ctx.addIssue({ code: "custom", path: ["days"], message: "bidDays" });
      if (dailyRateCents && days) totalCents = dailyRateCents * days;
    }
    const sum = bid.milestones.reduce((total, m) => total + m.amount, 0);
    if (totalCents && totalCents > maxContractCents()) {
      ctx.addIssue({ code: "custom", path: [bid.pricing === "fixed" ? "total" : "dailyRate"], message: "amountOverContractLimit" });
    } else if (totalCents && sum !== totalCents) ctx.addIssue({ code: "custom", path: ["milestones"], message: "milestoneSum" });
    bid.milestones.forEach((m, i) => {
      if (m.amount > MAX_MILESTONE_CENTS) ctx.addIssue({ code: "custom", path: ["milestones", i, "amount"], message: "amountOverMilestoneLimit" });
      if (m.dueOn < bid.startOn) ctx.addIssue({ code: "custom", path: ["milestones", i, "dueOn"], message: "milestoneBeforeStart" });
    });
    return { ...bid, totalCents: totalCents ?? 0, dailyRateCents, days };
  });

export type BidInput = z.input<typeof bidSchema>;
