export { REPORT_REASONS, REPORT_TARGETS, RESTRICTION_GROUNDS } from "@/db/schema/moderation-lists";
export const REPORT_OUTCOMES = ["kept", "removed", "restricted"] as const;
export const COMPLAINT_OUTCOMES = ["upheld", "reversed"] as const;

/** Reports one address may send per hour, and one IP. */
export const REPORT_LIMIT_PER_EMAIL = 5;
export const REPORT_LIMIT_PER_IP = 20;
/** An internal complaint may be filed for six months after the decision (DSA art. 20(1)). */
export const COMPLAINT_WINDOW_MONTHS = 6;

export function complaintDeadline(decidedAt: Date): Date {
  const deadline = new Date(decidedAt);
  deadline.setUTCMonth(deadline.getUTCMonth() + COMPLAINT_WINDOW_MONTHS);
  return deadline;
}
