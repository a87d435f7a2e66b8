/** Support retainers: the expert's service level on a bid, the retainer's lifecycle on a contract. */
import { submitBid } from "@/lib/bids/expert-bids";
import { acceptBid } from "@/lib/contracts/accept-bid";
import { acceptContractDocument } from "@/lib/contracts/documents-acceptance";
import { pauseRetainer } from "@/lib/retainers/lifecycle";
import { startRetainerPaymentMethodSetup } from "@/lib/retainers/payment-method";
import { fixedBidInput } from "../../../helpers/bids";
import { makeJob } from "../../../helpers/jobs";
import { saveRetainer } from "../../../helpers/retainers";
import type { World } from "../action-world";
import { demoOrg } from "./people";
import { access, type ActionAccess } from "./types";

async function retainerBid(world: World) {
  const jobId = await makeJob(world.people.clientOwner, { kind: "support_monthly", title: "Maintenir notre Nextcloud", personalData: false });
  const bid = await submitBid(world.people.partyExpert, fixedBidInput(jobId));
  if (!bid.ok) throw new Error(`bid refused: ${JSON.stringify(bid)}`);
  return { jobId, bidId: bid.value.bidId };
}

export async function retainerContract(world: World) {
  const { bidId } = await retainerBid(world);
  await saveRetainer(world.people.partyExpert, bidId);
  const accepted = await acceptBid(world.people.clientOwner, { acceptNotReady: true, bidId });
  if (!accepted.ok) throw new Error(`acceptance refused: ${JSON.stringify(accepted)}`);
  return { contractId: accepted.value.contractId };
}

export async function activeRetainer(world: World) {
  const { contractId } = await retainerContract(world);
  for (const actor of [world.people.clientOwner, world.people.partyExpert]) {
    const done = await acceptContractDocument(actor, { contractId, kind: "nda" });
    if (!done.ok) throw new Error(`nda not accepted: ${JSON.stringify(done)}`);
  }
  return { contractId };
}

/** An open setup session (test mode) for the retainer's payment method. */
async function openSetupSession(world: World) {
  const { contractId } = await activeRetainer(world);
  const started = await startRetainerPaymentMethodSetup(world.people.clientOwner, { contractId, kind: "sepa_debit" });
  if (!started.ok) throw new Error(`setup refused: ${JSON.stringify(started)}`);
  return { sessionId: new URL(started.value.url).pathname.split("/").pop() ?? "" };
}

async function pausedRetainer(world: World) {
  const { contractId } = await activeRetainer(world);
  const paused = await pauseRetainer(world.people.clientOwner, { contractId });
  if (!paused.ok) throw new Error(`not paused: ${JSON.stringify(paused)}`);
  return { contractId };
}

export const RETAINER_ACTIONS: Record<string, ActionAccess> = {
  "app/jobs/[id]/retainer-actions.ts#saveRetainerTermsAction": access({
    ok: ["partyExpert"],
    note: "the bid's own expert only",
    prepare: retainerBid,
    form: ({ prepared }) => ({
      jobId: prepared.jobId,
      bidId: prepared.bidId,
      monthlyFee: "450",
      hoursIncluded: "6",
      extraHour: "90",
      responseCritical: "4",
      responseHigh: "8",
      responseNormal: "16",
      responseLow: "40",
      coveredSoftware: "Nextcloud",
      coveredHosts: "",
      day_1: "yes",
      day_2: "yes",
      workStart: "09:00",
      workEnd: "18:00",
      minimumTermMonths: "3",
      noticeDays: "30",
    }),
  }),
  "app/contracts/[id]/retainer-actions.ts#startRetainerPaymentMethodAction": access({
    ok: demoOrg,
    together: true,
    note: "the client organisation's members open the setup session for the payment method the monthly fee is charged to",
    prepare: retainerContract,
    form: ({ prepared }) => ({ contractId: prepared.contractId, kind: "sepa_debit" }),
  }),
  "app/contracts/[id]/retainer-actions.ts#pauseRetainerAction": access({
    ok: demoOrg,
    note: "the client organisation's members pause the monthly charges",
    prepare: activeRetainer,
    form: ({ prepared }) => ({ contractId: prepared.contractId }),
  }),
  "app/contracts/[id]/retainer-actions.ts#resumeRetainerAction": access({
    ok: demoOrg,
    prepare: pausedRetainer,
    form: ({ prepared }) => ({ contractId: prepared.contractId }),
  }),
  "app/contracts/[id]/retainer-actions.ts#giveRetainerNoticeAction": access({
    ok: ["clientOwner", "clientMember", "partyExpert"],
    note: "either party terminates, with the notice period and the minimum term",
    prepare: activeRetainer,
    form: ({ prepared }) => ({ contractId: prepared.contractId, confirm: "yes" }),
  }),
  "app/pay/test/setup/[sessionId]/actions.ts#testSetupAction": access({
    ok: demoOrg,
    note: "the members of the organisation whose retainer it is, in payment test mode",
    prepare: openSetupSession,
    form: ({ prepared }) => ({ sessionId: prepared.sessionId, intent: "save" }),
  }),
};
