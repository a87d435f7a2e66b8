// Plain lists (the forms import them in the browser); schemas.ts checks they equal the database enums.
export const REPORT_TARGETS = ["job", "expert", "review", "message"] as const;
export const REPORT_REASONS = ["fraud", "intellectual_property", "hate_harassment", "personal_data", "csam", "other_illegal", "terms_breach"] as const;
export const RESTRICTION_GROUNDS = [
  "terms_accuracy",
  "terms_conduct",
  "terms_vetting",
  "terms_payment",
  "law_fraud",
  "law_intellectual_property",
  "law_hate_harassment",
  "law_personal_data",
  "law_csam",
  "law_other",
] as const;
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
