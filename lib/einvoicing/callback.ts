import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { eq, or } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { einvoiceTransmissions } from "@/db/schema";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/logger";
import { paConnector } from "./connector";
import { applyLifecycleFlow } from "./lifecycle-flow";
import { PaError, type PaConnector } from "./pa-client";
import { recordAcknowledgement } from "./submit";

/** Header carrying the PA's signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const SIGNATURE_HEADER = "x-pa-signature";
/** A signature older (or newer) than this is refused: a captured callback cannot be replayed later. */
export const SIGNATURE_TOLERANCE_S = 300;

const logger = log("einvoicing");

/** What a callback announces: a flow changed (a lifecycle message arrived, a submission was acknowledged). Its content is read from the PA. */
const notification = z.object({
  flowId: z.string().min(1).max(200),
  flowType: z.string().max(80).optional(),
  trackingId: z.string().max(200).optional(),
});

export type CallbackOutcome = { status: 200; result: "recorded" | "known" | "ignored" } | { status: 400 | 404 | 503; result: string };

/** The signature a PA holding `secret` puts on `rawBody` at `timestamp` (tests and the fake PA sign with it too). */
export function signCallback(secret: string, rawBody: string, timestamp: number): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

/** Checks the header against the raw body with the shared secret, in constant time, within the tolerance. */
export function verifyCallbackSignature(secret: string, rawBody: string, header: string | null, now = Date.now()): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const timestamp = Number(parts.t);
  const given = parts.v1 ?? "";
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now / 1000 - timestamp) > SIGNATURE_TOLERANCE_S) return false;
  const expected = signCallback(secret, rawBody, timestamp).split("v1=")[1] ?? "";
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(expected, "hex"));
}

/**
 * A status callback from the PA (POST /api/einvoicing/callback). Authenticated by the shared
 * secret's signature over the raw body (nothing else in the request is believed: not its origin,
 * not its headers). The body only says which flow changed; the status itself is read back from
 * the PA with our own credentials, so a leaked secret cannot invent a status. Idempotent: a
 * status already recorded is not recorded twice (unique per document, code and time), so the PA
 * may deliver the same callback again. A PA that cannot answer gets a 503, and calls again.
 */
export async function receivePaCallback(rawBody: string, signature: string | null, connector: PaConnector | null = paConnector()): Promise<CallbackOutcome> {
  const secret = env().PA_WEBHOOK_SECRET;
  if (!secret || !connector) return { status: 404, result: "callbacks off" };
  if (!verifyCallbackSignature(secret, rawBody, signature)) return { status: 400, result: "bad signature" };
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { status: 400, result: "not JSON" };
  }
  const parsed = notification.safeParse(json);
  if (!parsed.success) return { status: 400, result: "malformed" };
  const { flowId, flowType, trackingId } = parsed.data;
  try {
    if (flowType?.endsWith("LC")) return { status: 200, result: (await applyLifecycleFlow(connector, flowId)) ? "recorded" : "known" };
    const [row] = await db
      .select({ invoiceId: einvoiceTransmissions.invoiceId, trackingId: einvoiceTransmissions.trackingId })
      .from(einvoiceTransmissions)
      .where(trackingId ? or(eq(einvoiceTransmissions.flowId, flowId), eq(einvoiceTransmissions.trackingId, trackingId)) : eq(einvoiceTransmissions.flowId, flowId));
    if (!row) return { status: 200, result: "ignored" };
    const flow = (await connector.searchFlows({ trackingId: row.trackingId })).find((f) => f.trackingId === row.trackingId);
    if (!flow || (flow.ackStatus !== "Ok" && flow.ackStatus !== "Error")) return { status: 200, result: "known" };
    return { status: 200, result: (await recordAcknowledgement(db, row.invoiceId, flow)) ? "recorded" : "known" };
  } catch (error) {
    if (!(error instanceof PaError)) throw error;
    if (error.status === 404) return { status: 200, result: "ignored" }; // a flow the PA does not know: nothing to record
    logger.warn({ err: error, flowId }, "PA callback: the PA could not be read back, it will call again");
    return { status: 503, result: "PA unavailable" };
  }
}
