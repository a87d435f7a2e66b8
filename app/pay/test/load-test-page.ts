import { notFound, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { isPaymentTestMode } from "@/lib/env";

/**
 * What every local stand-in page of the payment provider does first: 404 outside test mode, the
 * sign-in page (back to `path`) for a visitor, 404 for someone the object does not belong to.
 */
export async function loadTestModePage<T>(path: string, load: (actor: Actor) => Promise<T>): Promise<T> {
  if (!isPaymentTestMode()) notFound();
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  try {
    return await load(actor);
  } catch (error) {
    if (error instanceof PolicyError) notFound();
    throw error;
  }
}
