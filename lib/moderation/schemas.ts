import { z } from "zod";
import { choice } from "@/lib/text/choice";
import { COMPLAINT_OUTCOMES, REPORT_OUTCOMES, REPORT_REASONS, REPORT_TARGETS, RESTRICTION_GROUNDS } from "./rules";

const optionalText = (max: number) => z.string().trim().max(max, { error: "tooLong" }).optional().default("");

/** The notice form (DSA art. 16). Name and email are required unless the reason is CSAM. */
export const reportSchema = z
  .object({
    targetType: choice(REPORT_TARGETS, { error: "required" }),
    targetId: z.uuid({ error: "required" }),
    reason: choice(REPORT_REASONS, { error: "reportReasonRequired" }),
    explanation: z.string({ error: "required" }).trim().min(20, { error: "reportExplanationShort" }).max(4000, { error: "tooLong" }),
    location: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(500, { error: "tooLong" }),
    name: optionalText(120),
    email: z.string().trim().toLowerCase().max(254, { error: "emailInvalid" }).optional().default(""),
    goodFaith: z.boolean({ error: "reportGoodFaithRequired" }).refine((ticked) => ticked, { error: "reportGoodFaithRequired" }),
  })
  .superRefine((value, ctx) => {
    if (value.email && !z.email().safeParse(value.email).success) ctx.addIssue({ code: "custom", path: ["email"], message: "emailInvalid" });
    if (value.reason === "csam") return;
    if (value.name.length < 2) ctx.addIssue({ code: "custom", path: ["name"], message: "nameLength" });
    if (!value.email) ctx.addIssue({ code: "custom", path: ["email"], message: "emailRequired" });
  });

export type ReportInput = z.input<typeof reportSchema>;

const reasoned = z.string({ error: "required" }).trim().min(10, { error: "decisionReason" }).max(4000, { error: "tooLong" });

/** An admin's decision on a report; a ground is required when the content is taken down or restricted. */
export const reportDecisionSchema = z
  .object({
    reportId: z.uuid({ error: "required" }),
    outcome: choice(REPORT_OUTCOMES, { error: "required" }),
    note: reasoned,
    ground: choice(RESTRICTION_GROUNDS, { error: "groundRequired" }).optional(),
  })
  .refine((value) => value.outcome === "kept" || value.ground, { path: ["ground"], message: "groundRequired" });

export type ReportDecisionInput = z.input<typeof reportDecisionSchema>;

export const complaintSchema = z.object({
  statementId: z.uuid({ error: "required" }),
  body: z.string({ error: "required" }).trim().min(20, { error: "complaintShort" }).max(4000, { error: "tooLong" }),
});

export const complaintDecisionSchema = z.object({
  complaintId: z.uuid({ error: "required" }),
  outcome: choice(COMPLAINT_OUTCOMES, { error: "required" }),
  answer: reasoned,
});

/** The ground a restricting admin picks; the existing forms send it as `ground`. */
export const groundSchema = choice(RESTRICTION_GROUNDS, { error: "groundRequired" });

/** A reporter's complaint against the decision on their report (DSA art. 20). */
export const reportComplaintSchema = z.object({
  reportId: z.uuid({ error: "required" }),
  body: z.string({ error: "required" }).trim().min(20, { error: "complaintShort" }).max(4000, { error: "tooLong" }),
});

/**
 * A second admin's answer to a reporter's complaint; reversing it takes the content down or
 * restricts it, which needs the new outcome and its ground.
 */
export const reportComplaintDecisionSchema = z
  .object({
    complaintId: z.uuid({ error: "required" }),
    outcome: choice(COMPLAINT_OUTCOMES, { error: "required" }),
    answer: reasoned,
    newOutcome: choice(["removed", "restricted"] as const, { error: "newOutcomeRequired" }).optional(),
    ground: choice(RESTRICTION_GROUNDS, { error: "groundRequired" }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.outcome !== "reversed") return;
    if (!value.newOutcome) ctx.addIssue({ code: "custom", path: ["newOutcome"], message: "newOutcomeRequired" });
    if (!value.ground) ctx.addIssue({ code: "custom", path: ["ground"], message: "groundRequired" });
  });
