/** Changing a retainer's plan: proposed by either party, answered by the other. */
import { proposePlanChange } from "@/lib/retainers/plan";
import type { World } from "../action-world";
import { activeRetainer } from "./retainers";
import { access, type ActionAccess } from "./types";

/** A running retainer with a new plan the client proposed, waiting for the expert. */
async function proposedByClient(world: World) {
  const { contractId } = await activeRetainer(world);
  const proposed = await proposePlanChange(world.people.clientOwner, { contractId, monthlyFee: "600", hoursIncluded: 10, extraHour: "85" });
  if (!proposed.ok) throw new Error(`plan not proposed: ${JSON.stringify(proposed)}`);
  return { contractId, changeId: proposed.value.changeId };
}

const ACTIONS = "app/contracts/[id]/plan/actions.ts";

export const PLAN_ACTIONS: Record<string, ActionAccess> = {
  [`${ACTIONS}#proposePlanChangeAction`]: access({
    ok: ["clientOwner", "clientMember", "partyExpert"],
    note: "either party proposes a new plan; admins only read it",
    prepare: activeRetainer,
    form: ({ prepared }) => ({ contractId: prepared.contractId, monthlyFee: "600", hoursIncluded: "10", extraHour: "85" }),
  }),
  [`${ACTIONS}#acceptPlanChangeAction`]: access({
    ok: ["partyExpert"],
    note: "the side that did not propose it (here the expert) accepts; the proposer cannot",
    prepare: proposedByClient,
    form: ({ prepared }) => ({ contractId: prepared.contractId, changeId: prepared.changeId }),
  }),
  [`${ACTIONS}#declinePlanChangeAction`]: access({
    ok: ["partyExpert"],
    note: "the side that did not propose it (here the expert) declines",
    prepare: proposedByClient,
    form: ({ prepared }) => ({ contractId: prepared.contractId, changeId: prepared.changeId }),
  }),
};
