import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { expertProfiles, users, type Locale } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { submitBid } from "@/lib/bids/expert-bids";
import { makeCompleteExpert } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";

export async function verifiedExpert(displayName = "Sophie Bernard"): Promise<Actor> {
  const { actor, profileId } = await makeCompleteExpert();
  await db.update(expertProfiles).set({ status: "verified", displayName }).where(eq(expertProfiles.id, profileId));
  return actor;
}

export async function bidOn(jobId: string, expert: Actor): Promise<string> {
  const result = await submitBid(expert, {
    jobId,
    pricing: "fixed",
    total: "2400",
    durationDays: 20,
    startOn: "2027-01-15",
    method: "Je commence par un audit de l’existant, puis j’installe Nextcloud sur un VPS français, je configure les sauvegardes chiffrées et je forme vos équipes.",
    milestones: [{ title: "Installation", amount: "2400", dueOn: "2027-01-25" }],
  });
  if (!result.ok) throw new Error(`bid refused: ${JSON.stringify(result)}`);
  return result.value.bidId;
}

export async function setLocale(actor: Actor, locale: Locale): Promise<Actor> {
  await db.update(users).set({ locale }).where(eq(users.id, actor.id));
  return { ...actor, locale };
}

/**
 * A client organisation (owner Claire, member Marc) with a published job, a verified expert
 * with a bid on it, and the people who must be refused: another expert, a client of another
 * organisation, an admin, a user without a role.
 */
export async function makeScene() {
  const owner = await makeUser("client", { name: "Claire Martin" });
  const member = await makeUser("client", { name: "Marc Petit" });
  const organization = await makeOrganization(owner, [{ actor: member, role: "member" }]);
  const jobId = await makeJob(owner, { title: "Installer Nextcloud pour nos deux boutiques" });
  const expert = await verifiedExpert("Sophie Bernard");
  const bidId = await bidOn(jobId, expert);
  const otherExpert = await verifiedExpert("Paul Durand");
  const outsider = await makeUser("client");
  await makeOrganization(outsider);
  const admin = await makeUser("admin");
  const noRole = await makeUser(null);
  return { owner, member, organization, jobId, expert, bidId, otherExpert, outsider, admin, noRole };
}

export type Scene = Awaited<ReturnType<typeof makeScene>>;
