/**
 * The fields of a verified profile that our team checks again before they take effect: they
 * name the expert's business and decide the VAT the client pays. Until the decision, the profile
 * stays verified and public with its approved values, and new contracts use them
 * (lib/experts/profile-changes.ts).
 */
export const reviewedFields = ["siret", "legalForm", "vatRegime", "vatNumber"] as const;
export type ReviewedField = (typeof reviewedFields)[number];
