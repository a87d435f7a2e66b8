/** Ready-made offers: the expert's own, the client's order, the admin's removal. */
import { saveOffer } from "@/lib/offers/manage";
import { softwareId } from "../../../helpers/experts";
import { makePublishedOffer, offerInput } from "../../../helpers/offers";
import type { World } from "../action-world";
import { demoOrg, verifiedExperts } from "./people";
import { access } from "./types";

async function draftOffer(world: World): Promise<{ offerId: string }> {
  const saved = await saveOffer(world.people.partyExpert, null, await offerInput());
  if (!saved.ok) throw new Error(`offer refused: ${JSON.stringify(saved)}`);
  return saved.value;
}

async function publishedOffer(world: World): Promise<{ offerId: string }> {
  return { offerId: await makePublishedOffer(world.people.partyExpert) };
}

export const OFFER_ACTIONS = {
  "app/expert/offers/actions.ts#saveOfferAction": access({
    ok: verifiedExperts,
    together: true,
    note: "a new offer, by any verified expert",
    form: async () => ({
      title: "Sauvegardes chiffrées avec BorgBackup",
      softwareId: await softwareId("nextcloud"),
      kind: "installation",
      summary: "Je mets en place des sauvegardes chiffrées, testées et surveillées de vos serveurs.",
      included: "Installation de BorgBackup, dépôt distant, test de restauration.",
      deliveryDays: "5",
      price: "600",
      "milestones.0.title": "Sauvegardes en place",
      "milestones.0.amount": "600",
      remote: "on",
    }),
  }),
  "app/expert/offers/actions.ts#publishOfferAction": access({
    ok: ["partyExpert"],
    note: "its own expert only",
    prepare: draftOffer,
    form: ({ prepared }) => ({ offerId: prepared.offerId }),
  }),
  "app/expert/offers/actions.ts#unpublishOfferAction": access({
    ok: ["partyExpert"],
    note: "its own expert only",
    prepare: publishedOffer,
    form: ({ prepared }) => ({ offerId: prepared.offerId }),
  }),
  "app/offers/[id]/actions.ts#orderOfferAction": access({
    ok: [...demoOrg, "otherClient"],
    together: true,
    note: "any client member of an organisation",
    prepare: publishedOffer,
    form: ({ prepared }) => ({
      offerId: prepared.offerId,
      "answers.0": "12 comptes",
      "answers.1": "cloud.example.fr",
      extras: "0",
      place: "remote",
      personalData: "no",
      acceptNotReady: "yes",
    }),
  }),
  "app/offers/[id]/actions.ts#removeOfferAction": access({
    ok: ["admin"],
    prepare: publishedOffer,
    form: ({ prepared }) => ({ offerId: prepared.offerId, reason: "Le prix affiché ne correspond pas au travail décrit.", ground: "terms_accuracy" }),
  }),
};
