import { isPaymentTestMode } from "@/lib/env";
import { receiveWebhook } from "@/lib/payments/events/verify";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/**
 * Stripe webhook endpoint. Needs no session (the Stripe-Signature header authenticates it) and
 * reads the raw body, which the signature covers. Without Stripe keys it does not exist (404).
 * A bad or missing signature gets a bare 400; a handled event is stored and queued, then
 * acknowledged; other types are acknowledged and dropped. A storage failure answers 500 so that
 * Stripe delivers the event again later.
 */
export async function POST(request: Request) {
  if (isPaymentTestMode()) return new Response("Not found", { status: 404, headers: noStore });
  const rawBody = await request.text();
  try {
    const result = await receiveWebhook(rawBody, request.headers.get("stripe-signature"));
    if (result.status === 400) return Response.json({ error: "invalid webhook" }, { status: 400, headers: noStore });
    return Response.json({ received: true }, { headers: noStore });
  } catch (error) {
    console.error("[stripe] could not record a webhook event", error);
    return Response.json({ error: "try again" }, { status: 500, headers: noStore });
  }
}
