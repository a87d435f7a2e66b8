/** Contracts: documents, milestones, disputes, reviews, and the local test checkout. */
import {
  completedContract,
  contractAwaitingDocuments,
  deliveredMilestone,
  fundedMilestone,
  openCheckout,
  openedDispute,
} from "../action-fixtures";
import { demoOrg } from "./people";
import { access, type ActionAccess } from "./types";

export const CONTRACT_ACTIONS: Record<string, ActionAccess> = {
  "app/contracts/[id]/actions.ts#acceptDocumentAction": access({
    ok: [...demoOrg, "partyExpert"],
    together: true,
    prepare: contractAwaitingDocuments,
    form: ({ prepared }) => ({ contractId: prepared.contractId, kind: "nda", confirm: "yes" }),
  }),
  "app/contracts/[id]/payment-actions.ts#fundMilestoneAction": access({
    ok: demoOrg,
    note: "off to the local test checkout (a payment row is opened)",
    form: ({ world }) => ({ milestoneId: world.contract.milestoneIds[0]!, contractId: world.contract.contractId }),
  }),
  "app/contracts/[id]/payment-actions.ts#deliverMilestoneAction": access({
    ok: ["partyExpert"],
    prepare: fundedMilestone,
    form: ({ prepared }) => ({ ...prepared, note: "Nextcloud installé, sauvegardes testées." }),
  }),
  "app/contracts/[id]/payment-actions.ts#approveMilestoneAction": access({
    ok: demoOrg,
    prepare: deliveredMilestone,
    form: ({ prepared }) => ({ ...prepared, confirm: "yes" }),
  }),
  "app/contracts/[id]/payment-actions.ts#openDisputeAction": access({
    ok: demoOrg,
    prepare: fundedMilestone,
    form: ({ prepared }) => ({ ...prepared, reason: "quality", text: "Les sauvegardes ne se lancent pas toutes les nuits." }),
  }),
  "app/contracts/[id]/disputes/[disputeId]/actions.ts#postDisputeMessageAction": access({
    ok: [...demoOrg, "partyExpert", "admin"],
    note: "the thread of a dispute: the contract's client members, its expert and admins",
    prepare: openedDispute,
    form: ({ prepared }) => ({ disputeId: prepared.disputeId, body: "Voici le journal des sauvegardes de la semaine." }),
  }),
  "app/contracts/[id]/disputes/[disputeId]/actions.ts#declareReadyAction": access({
    ok: [...demoOrg, "partyExpert"],
    note: "the two parties only: admins have nothing to declare",
    prepare: openedDispute,
    form: ({ prepared }) => ({ disputeId: prepared.disputeId }),
  }),
  "app/contracts/[id]/review-actions.ts#leaveReviewAction": access({
    ok: [...demoOrg, "partyExpert"],
    prepare: completedContract,
    form: ({ prepared }) => ({ contractId: prepared.contractId, rating: "5", comment: "Travail soigné, bien documenté." }),
  }),
  "app/pay/test/checkout/[sessionId]/actions.ts#testCheckoutAction": access({
    ok: demoOrg,
    note: "the paying organisation's members, in payment test mode",
    prepare: openCheckout,
    form: ({ prepared }) => ({ sessionId: prepared.sessionId, intent: "card" }),
  }),
};
