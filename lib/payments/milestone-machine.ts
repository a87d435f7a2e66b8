import type { MilestoneStatus } from "@/db/schema";

export type MilestoneEvent = "fund" | "deliver" | "approve" | "dispute" | "settle_release" | "settle_refund" | "settle_split";

/**
 * Milestone states: pending → funded (a verified payment event) → delivered (the expert) →
 * released (the client approves, or the delay runs out). A funded or delivered milestone can be
 * disputed (frozen); an admin settles it: released, refunded, or split between the two.
 * Released, refunded and split are final.
 */
const transitions: Record<MilestoneStatus, Partial<Record<MilestoneEvent, MilestoneStatus>>> = {
  pending: { fund: "funded" },
  funded: { deliver: "delivered", dispute: "disputed" },
  delivered: { approve: "released", dispute: "disputed" },
  disputed: { settle_release: "released", settle_refund: "refunded", settle_split: "split" },
  released: {},
  refunded: {},
  split: {},
};

export function nextMilestoneStatus(from: MilestoneStatus, event: MilestoneEvent): MilestoneStatus | null {
  return transitions[from][event] ?? null;
}

/** A milestone whose money has left escrow for good (the contract completes when all are). */
export function isMilestoneSettled(status: MilestoneStatus): boolean {
  return status === "released" || status === "refunded" || status === "split";
}
