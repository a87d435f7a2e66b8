import type { RetainerExtraHours } from "@/db/schema/tickets";

export type ExtraHoursStatus = RetainerExtraHours["status"];
export type ExtraHoursMove = "approve" | "autoApprove" | "refuse";

/**
 * Submitted extra hours are approved (by the client, or by the deadline) or refused by the
 * client; either decision is final. Refused hours are never billed.
 */
const MOVES: Record<ExtraHoursStatus, Partial<Record<ExtraHoursMove, ExtraHoursStatus>>> = {
  submitted: { approve: "approved", autoApprove: "approved", refuse: "rejected" },
  approved: {},
  rejected: {},
};

/** The status after `move`, or null when the move is illegal from `status`. */
export function nextExtraHoursStatus(status: ExtraHoursStatus, move: ExtraHoursMove): ExtraHoursStatus | null {
  return MOVES[status][move] ?? null;
}
