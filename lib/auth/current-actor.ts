import { cache } from "react";
import { noteUserId } from "@/lib/observability/note-user";
import type { Actor } from "./actor";
import { auth } from "./auth";

/**
 * The signed-in actor of the current request, or null. Sessions live in PostgreSQL, so a
 * deleted session (sign-out, suspension) ends access at the very next request.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const user = session?.user;
  if (!session || !user?.id || user.suspended) return null;
  await noteUserId(user.id); // for the web server's log line of this request
  return {
    id: user.id,
    email: user.email,
    name: user.name ?? null,
    role: user.role,
    locale: user.locale,
    secondFactor: user.secondFactor,
    sessionId: session.sessionId,
  };
});
