/** What an admin checks before approving a profile (or a verified profile's changes). */
export const VETTING_CHECKLIST = ["identity", "siret", "insurance", "urssaf", "skills"] as const;
