import "server-only";
import { notFound, redirect } from "next/navigation";
import { redirectPendingAdmin } from "@/lib/auth/admin-page";
import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";

/** Runs a ticket page's query for the signed-in person: sign-in first, a 404 for anyone it is not for. */
export async function loadTicketPage<T>(path: string, query: (actor: NonNullable<Awaited<ReturnType<typeof currentActor>>>) => Promise<T>): Promise<T> {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  redirectPendingAdmin(actor, path);
  try {
    return await query(actor);
  } catch (error) {
    if (error instanceof PolicyError) notFound();
    throw error;
  }
}
