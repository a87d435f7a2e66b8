import { currentActor } from "@/lib/auth/current-actor";
import { appUrl } from "@/lib/http/app-url";
import { markNotificationRead } from "@/lib/notifications/inbox";

/**
 * Opening a notification from /notifications: marks it read and goes to the thing it is about.
 * A plain link (no prefetch), so only a click marks it; someone else's notification is a 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return Response.redirect(appUrl("/signin?callbackUrl=%2Fnotifications"), 303);
  const { id } = await params;
  const opened = await markNotificationRead(actor, { id });
  if (!opened.ok) return new Response("Not found", { status: 404 });
  return new Response(null, { status: 303, headers: { Location: appUrl(opened.value.link), "Cache-Control": "private, no-store" } });
}
