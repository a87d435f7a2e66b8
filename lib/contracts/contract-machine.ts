import type { ContractStatus } from "@/db/schema";

export type ContractEvent = "activate" | "complete" | "cancel";

/**
 * Contract states: awaiting_documents (formed, NDA and, when personal data is reachable, the
 * art. 28 agreement not yet accepted by both sides) → active (work may start) → completed.
 * A contract is cancelled only before it is completed. Completed and cancelled are final.
 */
const transitions: Record<ContractStatus, Partial<Record<ContractEvent, ContractStatus>>> = {
  awaiting_documents: { activate: "active", cancel: "cancelled" },
  active: { complete: "completed", cancel: "cancelled" },
  completed: {},
  cancelled: {},
};

export function nextContractStatus(from: ContractStatus, event: ContractEvent): ContractStatus | null {
  return transitions[from][event] ?? null;
}
