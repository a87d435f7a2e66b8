import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { contracts, expertProfiles } from "@/db/schema";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { fundMilestone, makeActiveContract, type ActiveContractOptions } from "../../helpers/contracts";

/** A contract whose only milestone was funded, delivered and approved: status completed. */
export async function makeCompletedContract(options: ActiveContractOptions = {}) {
  const scene = await makeActiveContract({ ...options, bid: { total: "500", milestones: [{ title: "Tout", amount: "500", dueOn: "2027-01-30" }] } });
  const [only] = scene.milestoneIds as [string];
  await fundMilestone(scene.owner, only);
  const delivered = await markDelivered(scene.expert, { milestoneId: only, note: "Tout est livré et documenté." });
  if (!delivered.ok) throw new Error(`not delivered: ${JSON.stringify(delivered)}`);
  const approved = await approveMilestone(scene.owner, { milestoneId: only });
  if (!approved.ok) throw new Error(`not approved: ${JSON.stringify(approved)}`);
  const [contract] = await db.select().from(contracts).where(eq(contracts.id, scene.contractId));
  if (contract?.status !== "completed") throw new Error(`contract is ${contract?.status}`);
  const [profile] = await db.select({ slug: expertProfiles.slug }).from(expertProfiles).where(eq(expertProfiles.id, scene.expert.profileId));
  if (!profile) throw new Error("no profile");
  return { ...scene, organizationId: contract.organizationId, slug: profile.slug };
}
