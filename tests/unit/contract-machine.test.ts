import { describe, expect, it } from "vitest";
import { contractStatus } from "@/db/schema";
import { nextContractStatus, type ContractEvent } from "@/lib/contracts/contract-machine";

const events: ContractEvent[] = ["activate", "complete", "cancel"];
const allowed: Record<string, string> = {
  "awaiting_documents:activate": "active",
  "awaiting_documents:cancel": "cancelled",
  "active:complete": "completed",
  "active:cancel": "cancelled",
};

describe("contract state machine", () => {
  for (const from of contractStatus.enumValues) {
    for (const event of events) {
      const expected = allowed[`${from}:${event}`] ?? null;
      it(`${from} + ${event} → ${expected ?? "refused"}`, () => {
        expect(nextContractStatus(from, event)).toBe(expected);
      });
    }
  }
});
