import { receivePaCallback, SIGNATURE_HEADER } from "@/lib/einvoicing/callback";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/**
 * The Plateforme Agréée's status callbacks. Needs no session: the shared secret's signature
 * (X-PA-Signature over the raw body) authenticates it, and the status is read back from the PA.
 * Without PA_WEBHOOK_SECRET (or without a PA) it does not exist (404); a bad signature gets a
 * bare 400; 503 when the PA could not be read back, so that it calls again.
 */
export async function POST(request: Request) {
  const rawBody = await request.text();
  try {
    const outcome = await receivePaCallback(rawBody, request.headers.get(SIGNATURE_HEADER));
    if (outcome.status === 200) return Response.json({ received: true }, { headers: noStore });
    if (outcome.status === 404) return new Response("Not found", { status: 404, headers: noStore });
    if (outcome.status === 400) return Response.json({ error: "invalid callback" }, { status: 400, headers: noStore });
    return Response.json({ error: "try again" }, { status: 503, headers: noStore });
  } catch (error) {
    console.error("[einvoicing] could not handle a PA callback", error);
    return Response.json({ error: "try again" }, { status: 500, headers: noStore });
  }
}
