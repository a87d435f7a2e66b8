import type { Actor } from "@/lib/auth/actor";
import { moveOffer, saveOffer } from "@/lib/offers/manage";
import type { OfferInput } from "@/lib/offers/schemas";
import { softwareId } from "./experts";

/** "Nextcloud pour 10 personnes": 1 800 € in two milestones, two extras, two questions, Rhône or remote. */
export async function offerInput(overrides: Partial<OfferInput> = {}): Promise<OfferInput> {
  return {
    title: "Nextcloud pour 10 personnes sur un VPS",
    softwareId: await softwareId("nextcloud"),
    kind: "installation",
    summary: "J’installe Nextcloud sur votre VPS français, avec sauvegardes chiffrées et comptes pour toute l’équipe.",
    included: "Installation, certificat TLS, 10 comptes, sauvegardes chiffrées quotidiennes, une heure de prise en main.",
    excluded: "Migration des données depuis un autre service.",
    prerequisites: "Un VPS avec 4 Go de RAM sous Debian 12.",
    hostingMin: "8",
    hostingMax: "20",
    deliveryDays: 10,
    price: "1 800",
    milestones: [
      { title: "Installation et sécurisation", amount: "1 200" },
      { title: "Comptes et prise en main", amount: "600" },
    ],
    extras: [
      { title: "Deux heures de formation", price: "200" },
      { title: "Un mois de support", price: "150" },
    ],
    remote: true,
    departements: "69, 01",
    questions: "Combien de comptes faut-il créer ?\nQuel nom de domaine utiliser ?",
    ...overrides,
  };
}

/** A verified expert's offer, published; returns its id. */
export async function makePublishedOffer(expert: Actor, overrides: Partial<OfferInput> = {}): Promise<string> {
  const saved = await saveOffer(expert, null, await offerInput(overrides));
  if (!saved.ok) throw new Error(`offer refused: ${JSON.stringify(saved)}`);
  const published = await moveOffer(expert, saved.value.offerId, "publish");
  if (!published.ok) throw new Error(`offer not published: ${JSON.stringify(published)}`);
  return saved.value.offerId;
}
