import type { VerificationStatus } from "@/db/schema";

export type VerificationEvent = "submit" | "approve" | "request_changes" | "reject" | "suspend" | "reinstate";

/**
 * The vetting state machine, the only place that says which move is legal:
 * draft → submitted → verified | changes_requested | rejected; changes_requested → submitted;
 * verified ⇄ suspended. A verified profile's changes to reviewed fields are reviewed apart
 * (profile-changes.ts): the profile stays verified meanwhile.
 */
const transitions: Record<VerificationStatus, Partial<Record<VerificationEvent, VerificationStatus>>> = {
  draft: { submit: "submitted" },
  changes_requested: { submit: "submitted" },
  submitted: { approve: "verified", request_changes: "changes_requested", reject: "rejected" },
  verified: { suspend: "suspended" },
  suspended: { reinstate: "verified" },
  rejected: {},
};

/** The status after `event`, or null when the move is illegal from `from`. */
export function nextVerificationStatus(from: VerificationStatus, event: VerificationEvent): VerificationStatus | null {
  return transitions[from][event] ?? null;
}

/** The expert may edit the profile in these statuses (not while under review, rejected or suspended). */
export function isEditable(status: VerificationStatus): boolean {
  return status === "draft" || status === "changes_requested" || status === "verified";
}
