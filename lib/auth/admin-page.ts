import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Actor } from "./actor";
import { currentActor } from "./current-actor";

/** Where an admin passes the second factor (enrolment first when there is none yet). */
export function secondFactorPath(callbackUrl: string): string {
  return `/second-factor?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}

/** An admin whose session has not passed the second factor goes to it first, then back to `path`. */
export function redirectPendingAdmin(actor: Actor, path: string): void {
  if (actor.role === "admin" && !actor.secondFactor) redirect(secondFactorPath(path));
}

/**
 * The actor of an admin page: anonymous visitors sign in, admins without the second factor pass
 * it, anyone else gets a 404. The use cases the page calls check the same again.
 */
export async function requireAdminPage(path: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (actor.role !== "admin") notFound();
  redirectPendingAdmin(actor, path);
  return actor;
}
