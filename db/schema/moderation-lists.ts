// The moderation enums' values as plain lists, without drizzle: the browser's forms import them too.

/** What can be reported (DSA art. 16): a public need, an expert profile, a review, a message, an offer. */
export const REPORT_TARGETS = ["job", "expert", "review", "message", "offer"] as const;
/** The short list of reasons a reporter picks from (illegal content categories, or a terms breach). */
export const REPORT_REASONS = ["fraud", "intellectual_property", "hate_harassment", "personal_data", "csam", "other_illegal", "terms_breach"] as const;
/** The ground of a restriction: a clause of the terms or the law. */
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
