import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { localPath } from "@/lib/auth/sign-in-request";

/** The admin on a second-factor page, and where to go next (their session has passed it: go on). */
export async function loadSecondFactorPage(path: string, callbackUrl: string | string[] | undefined): Promise<{ actor: Actor; next: string }> {
  const next = localPath(typeof callbackUrl === "string" ? callbackUrl : undefined, "/admin");
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`${path}?callbackUrl=${encodeURIComponent(next)}`)}`);
  if (actor.role !== "admin") notFound();
  if (actor.secondFactor) redirect(next);
  return { actor, next };
}
