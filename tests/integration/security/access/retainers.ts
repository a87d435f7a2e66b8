/** Support retainers: the expert's service level on a bid, the retainer's lifecycle on a contract. */
import { submitBid } from "@/lib/bids/expert-bids";
import { fixedBidInput } from "../../../helpers/bids";
import { makeJob } from "../../../helpers/jobs";
import type { World } from "../action-world";
import { access, type ActionAccess } from "./types";

async function retainerBid(world: World) {
  const jobId = await makeJob(world.people.clientOwner, { kind: "support_monthly", title: "Maintenir notre Nextcloud" });
  const bid = await submitBid(world.people.partyExpert, fixedBidInput(jobId));
  if (!bid.ok) throw new Error(`bid refused: ${JSON.stringify(bid)}`);
  return { jobId, bidId: bid.value.bidId };
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
};
