import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { payments, stripeEvents } from "@/db/schema";
import { isPaymentTestMode } from "@/lib/env";
import { processProviderEvent } from "@/lib/payments/events/process";
import { startMilestoneFunding } from "@/lib/payments/funding";
import { testModeProvider } from "@/lib/payments/provider/test-mode";
import type { PaymentProvider } from "@/lib/payments/provider/types";
import { repairPaymentIntents } from "@/lib/payments/repair";
import { findTestObject } from "@/lib/payments/test-mode/objects";
import { makeActiveContract } from "../../helpers/contracts";

/* Without Stripe keys, the local provider goes through the same intent, call, record and repair. */

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

/** The local provider, with the process "stopping" right after a Checkout session is made. */
const crashing: PaymentProvider = {
  ...testModeProvider(),
  createCheckoutSession: async (input) => {
    await testModeProvider().createCheckoutSession(input);
    throw new Error("the process stopped before recording the answer");
  },
};

async function crashedFunding() {
  const { owner, milestoneIds } = await makeActiveContract();
  const [milestoneId = ""] = milestoneIds;
  expect(await startMilestoneFunding(owner, { milestoneId }, crashing)).toEqual({ ok: false, error: "provider_unavailable" });
  const [intent] = await db.select().from(payments).where(eq(payments.milestoneId, milestoneId));
  if (!intent) throw new Error("no intent");
  return { owner, milestoneId, intent };
}

describe("checkout intents in test mode", () => {
  it("a retry gets the session made before; the repair finishes an intent cut short", async () => {
    expect(isPaymentTestMode()).toBe(true);
    const first = await crashedFunding();
    const retried = await startMilestoneFunding(first.owner, { milestoneId: first.milestoneId });
    const [recorded] = await db.select().from(payments).where(eq(payments.id, first.intent.id));
    expect(retried).toEqual({ ok: true, value: { url: recorded?.checkoutUrl } });
    expect(recorded?.status).toBe("open");

    const second = await crashedFunding();
    expect(await repairPaymentIntents(testModeProvider(), later(6))).toEqual({ finished: 1, abandoned: 0, failed: 0 });
    const [repaired] = await db.select().from(payments).where(eq(payments.id, second.intent.id));
    expect(repaired).toMatchObject({ status: "open", checkoutSessionId: expect.stringMatching(/^cs_test_local_/) });
  });

  it("an abandoned intent's session is expired locally, with the event Stripe would send", async () => {
    const { intent } = await crashedFunding();
    expect(await repairPaymentIntents(testModeProvider(), later(35))).toEqual({ finished: 0, abandoned: 1, failed: 0 });
    const [abandoned] = await db.select().from(payments).where(eq(payments.id, intent.id));
    expect(abandoned).toMatchObject({ status: "expired", checkoutSessionId: expect.any(String) });
    const session = await findTestObject(db, "checkout.session", abandoned?.checkoutSessionId ?? "");
    expect(session).toMatchObject({ status: "expired", url: null });

    const events = await db.select().from(stripeEvents).where(eq(stripeEvents.type, "checkout.session.expired"));
    const event = events.find((e) => (e.payload as { data: { object: { id: string } } }).data.object.id === session?.id);
    expect(await processProviderEvent(event?.id ?? "")).toBe("ignored: payment already expired");
  });
});
