import "server-only";
import { notFound, redirect } from "next/navigation";
import { redirectPendingAdmin } from "@/lib/auth/admin-page";
import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { getContractView, type ContractView } from "@/lib/contracts/queries";

/** The contract for its parties and admins; anyone else gets a 404 (its existence is not revealed). */
export async function loadContractPage(id: string, path: string): Promise<ContractView> {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  redirectPendingAdmin(actor, path);
  try {
    return await getContractView(actor, id);
  } catch (error) {
    if (error instanceof PolicyError) notFound();
    throw error;
  }
}
