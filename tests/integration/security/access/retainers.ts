/** Support retainers: the expert's service level on a bid, the retainer's lifecycle on a contract. */
import { submitBid } from "@/lib/bids/expert-bids";
import { acceptBid } from "@/lib/contracts/accept-bid";
import { fixedBidInput } from "../../../helpers/bids";
import { makeJob } from "../../../helpers/jobs";
import { saveRetainer } from "../../../helpers/retainers";
import type { World } from "../action-world";
import { demoOrg } from "./people";
import { access, type ActionAccess } from "./types";

async function retainerBid(world: World) {
  const jobId = await makeJob(world.people.clientOwner, { kind: "support_monthly", title: "Maintenir notre Nextcloud" });
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
  "app/contracts/[id]/retainer-actions.ts#saveRetainerPaymentMethodAction": access({
    ok: demoOrg,
    together: true,
    note: "the client organisation's members save the payment method the monthly fee is charged to",
    prepare: retainerContract,
    form: ({ prepared }) => ({ contractId: prepared.contractId, kind: "sepa_debit" }),
  }),
};
