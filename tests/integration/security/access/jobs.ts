/** Needs (jobs), their NDA, bids and the bid conversations. */
import { bidMethod } from "../../../helpers/bids";
import { draftJob, openJob, partyBid } from "../action-fixtures";
import { demoOrg, verifiedExperts } from "./people";
import { access, type ActionAccess } from "./types";

/** The bid form as an expert fills it: 2 400,50 € in two milestones. */
const bidForm = (jobId: string): Record<string, string> => ({
  jobId,
  pricing: "fixed",
  total: "2400,50",
  durationDays: "20",
  startOn: "2027-01-15",
  method: bidMethod,
  "milestones.0.title": "Installation",
  "milestones.0.amount": "1200",
  "milestones.0.dueOn": "2027-01-25",
  "milestones.1.title": "Formation",
  "milestones.1.amount": "1200,50",
  "milestones.1.dueOn": "2027-02-05",
});

export const JOB_ACTIONS: Record<string, ActionAccess> = {
  "app/jobs/new/actions.ts#createJobDraftAction": access({
    ok: [...demoOrg, "otherClient"],
    together: true,
    note: "any client with an organisation",
  }),
  "app/jobs/[id]/edit/actions.ts#saveJobStepAction": access({
    ok: demoOrg,
    together: true,
    prepare: (world) => draftJob(world),
    form: ({ prepared }) => ({ jobId: prepared.jobId, step: "1", kind: "training" }),
  }),
  "app/jobs/[id]/edit/actions.ts#publishJobAction": access({
    ok: demoOrg,
    together: true,
    prepare: (world) => draftJob(world, true),
    form: ({ prepared }) => ({ jobId: prepared.jobId }),
  }),
  "app/jobs/[id]/actions.ts#acceptJobNdaAction": access({
    ok: verifiedExperts,
    together: true,
    prepare: openJob,
    form: ({ prepared }) => ({ jobId: prepared.jobId, accept: "1" }),
  }),
  "app/jobs/[id]/actions.ts#closeJobAction": access({
    ok: demoOrg,
    together: true,
    prepare: openJob,
    form: ({ prepared }) => ({ jobId: prepared.jobId }),
  }),
  "app/jobs/[id]/actions.ts#cancelJobAction": access({
    ok: demoOrg,
    together: true,
    prepare: openJob,
    form: ({ prepared }) => ({ jobId: prepared.jobId }),
  }),
  "app/jobs/[id]/bid-actions.ts#submitBidAction": access({
    ok: verifiedExperts,
    together: true,
    prepare: openJob,
    form: ({ prepared }) => bidForm(prepared.jobId),
  }),
  "app/jobs/[id]/bid-actions.ts#updateBidAction": access({
    ok: ["partyExpert"],
    note: "its author",
    prepare: partyBid,
    form: ({ prepared }) => ({ ...bidForm(prepared.jobId), bidId: prepared.bidId, durationDays: "25" }),
  }),
  "app/jobs/[id]/bid-actions.ts#withdrawBidAction": access({
    ok: ["partyExpert"],
    note: "its author",
    prepare: partyBid,
    form: ({ prepared }) => prepared,
  }),
  "app/jobs/[id]/bid-actions.ts#shortlistBidAction": access({
    ok: demoOrg,
    together: true,
    prepare: partyBid,
    form: ({ prepared }) => prepared,
  }),
  "app/jobs/[id]/bid-actions.ts#declineBidAction": access({
    ok: demoOrg,
    together: true,
    prepare: partyBid,
    form: ({ prepared }) => ({ ...prepared, reason: "Nous avons retenu une autre offre." }),
  }),
  "app/jobs/[id]/bids/[bidId]/actions.ts#postMessageAction": access({
    ok: [...demoOrg, "partyExpert"],
    together: true,
    note: "the bid's two sides",
    prepare: partyBid,
    form: ({ prepared }) => ({ bidId: prepared.bidId, body: "Pouvez-vous préciser le calendrier ?" }),
  }),
  "app/jobs/[id]/contract-actions.ts#acceptBidAction": access({
    ok: demoOrg,
    together: true,
    prepare: partyBid,
    // The party expert is not ready to be paid: the page shows the warning and posts acceptNotReady.
    form: ({ prepared }) => ({ ...prepared, confirm: "yes", acceptNotReady: "yes" }),
  }),
};
