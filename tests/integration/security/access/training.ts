/** Training: the expert's terms on a bid, the client's attendees on a training contract. */
import { submitBid } from "@/lib/bids/expert-bids";
import { acceptBid } from "@/lib/contracts/accept-bid";
import { addAttendees, getTrainingView } from "@/lib/training/attendees";
import { fixedBidInput } from "../../../helpers/bids";
import { makeJob } from "../../../helpers/jobs";
import { saveTerms } from "../../../helpers/training";
import type { World } from "../action-world";
import { demoOrg } from "./people";
import { access, type ActionAccess } from "./types";

async function trainingBid(world: World) {
  const jobId = await makeJob(world.people.clientOwner, { kind: "training", title: "Former l’équipe à Nextcloud" });
  const bid = await submitBid(world.people.partyExpert, fixedBidInput(jobId));
  if (!bid.ok) throw new Error(`bid refused: ${JSON.stringify(bid)}`);
  return { jobId, bidId: bid.value.bidId };
}

async function trainingContract(world: World) {
  const { bidId } = await trainingBid(world);
  await saveTerms(world.people.partyExpert, bidId);
  const accepted = await acceptBid(world.people.clientOwner, { acceptNotReady: true, bidId });
  if (!accepted.ok) throw new Error(`acceptance refused: ${JSON.stringify(accepted)}`);
  return { contractId: accepted.value.contractId };
}

async function contractWithAttendee(world: World) {
  const { contractId } = await trainingContract(world);
  await addAttendees(world.people.clientOwner, { contractId, attendees: [{ fullName: "Léa Dubois", email: "lea@example.org" }] });
  const view = await getTrainingView(world.people.clientOwner, contractId);
  return { contractId, attendeeId: view?.attendees[0]?.id ?? "" };
}

export const TRAINING_ACTIONS: Record<string, ActionAccess> = {
  "app/jobs/[id]/training-actions.ts#saveTrainingTermsAction": access({
    ok: ["partyExpert"],
    note: "the bid's own expert only",
    prepare: trainingBid,
    form: ({ prepared }) => ({
      jobId: prepared.jobId,
      bidId: prepared.bidId,
      objectives: "Savoir partager et synchroniser ses fichiers dans Nextcloud.",
      prerequisites: "Savoir utiliser un navigateur web.",
      outline: "Jour 1 : partage et synchronisation, droits, versions et corbeille.",
      durationHours: "7",
      format: "on_site",
      attendeesCount: "5",
      session_0_date: "2027-03-08",
      session_0_slot: "full_day",
      priceBasis: "per_session",
      unitPrice: "900",
      activityDeclarationNumber: "84691234569",
    }),
  }),
  "app/contracts/[id]/training-actions.ts#addAttendeesAction": access({
    ok: demoOrg,
    together: true,
    note: "the client organisation's members list the attendees",
    prepare: trainingContract,
    form: ({ prepared }) => ({ contractId: prepared.contractId, attendees: "Léa Dubois, lea@example.org" }),
  }),
  "app/contracts/[id]/training-actions.ts#removeAttendeeAction": access({
    ok: demoOrg,
    together: true,
    prepare: contractWithAttendee,
    form: ({ prepared }) => ({ contractId: prepared.contractId, attendeeId: prepared.attendeeId }),
  }),
};
