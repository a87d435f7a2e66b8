import type { BidStatus } from "@/db/schema";

export type BidEvent = "shortlist" | "decline" | "withdraw" | "accept" | "edit";

/**
 * Bid states: submitted → shortlisted → accepted; submitted or shortlisted → declined (client)
 * or withdrawn (expert, only before the client acted: while submitted). The expert edits only
 * while submitted. Declined, withdrawn and accepted are final.
 */
const transitions: Record<BidStatus, Partial<Record<BidEvent, BidStatus>>> = {
  submitted: { shortlist: "shortlisted", decline: "declined", withdraw: "withdrawn", accept: "accepted", edit: "submitted" },
  shortlisted: { decline: "declined", accept: "accepted" },
  declined: {},
  withdrawn: {},
  accepted: {},
};

export function nextBidStatus(from: BidStatus, event: BidEvent): BidStatus | null {
  return transitions[from][event] ?? null;
}
