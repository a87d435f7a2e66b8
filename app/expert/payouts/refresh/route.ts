import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { env } from "@/lib/env";
import { startPayoutsOnboarding } from "@/lib/payments/payouts";

const at = (path: string) => new URL(path, env().APP_URL);

/**
 * Stripe sends the expert here when an onboarding link expired or was already used: a fresh
 * link is made and followed. Anyone not a verified expert goes back to a page that explains.
 */
export async function GET() {
  const actor = await currentActor();
  if (!actor) return Response.redirect(at(`/signin?callbackUrl=${encodeURIComponent("/expert/payouts")}`), 303);
  try {
    const result = await startPayoutsOnboarding(actor);
    if (!result.ok) return Response.redirect(at(`/expert/payouts?error=${result.error}`), 303);
    return Response.redirect(result.value.url, 303);
  } catch (error) {
    if (error instanceof PolicyError) return Response.redirect(at("/dashboard"), 303);
    throw error;
  }
}
