import { and, asc, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailOutbox, payments, users } from "@/db/schema";
import { getContractMoney } from "@/lib/payments/contract-money";
import { processProviderEvent } from "@/lib/payments/events/process";
import { startMilestoneFunding } from "@/lib/payments/funding";
import { payTestCheckout, settleTestSepaDebit } from "@/lib/payments/test-mode/simulate";
import { fundMilestone, makeActiveContract } from "../../helpers/contracts";

const receiptsFor = (paymentId: string) => db.select().from(emailOutbox).where(like(emailOutbox.idempotencyKey, `payment-receipt:${paymentId}:%`));

/** Starts the funding of `milestoneId` and pays the test checkout, without processing the event. */
async function payWithoutProcessing(owner: Parameters<typeof startMilestoneFunding>[0], milestoneId: string, method: "card" | "sepa_debit") {
  const started = await startMilestoneFunding(owner, { milestoneId });
  if (!started.ok) throw new Error(JSON.stringify(started));
  const [payment] = await db.select().from(payments).where(eq(payments.milestoneId, milestoneId)).orderBy(asc(payments.createdAt));
  const paid = await payTestCheckout(payment!.checkoutSessionId!, method);
  if (!paid.ok || !paid.value.eventId) throw new Error(JSON.stringify(paid));
  return { payment: payment!, eventId: paid.value.eventId };
}

describe("the client's payment receipt", () => {
  it("each client member gets one receipt per payment, in their language, with the amount incl. VAT, the milestone, the method and the link", async () => {
    const { owner, member, expert, contractId, milestoneIds } = await makeActiveContract({ withMember: true });
    await db.update(users).set({ locale: "en" }).where(eq(users.id, member!.id));
    const paymentId = await fundMilestone(owner, milestoneIds[0]!);

    const receipts = await receiptsFor(paymentId);
    expect(receipts.map((r) => r.toAddress).sort()).toEqual([owner.email, member!.email].sort());
    const fr = receipts.find((r) => r.toAddress === owner.email)!;
    const en = receipts.find((r) => r.toAddress === member!.email)!;
    // 1 200,00 € excl. VAT + 20 % VAT: 1 440,00 € charged by card.
    expect(fr.subject).toMatch(/^Reçu de paiement : 1\s440,00\s€ pour le jalon « /);
    expect(fr.text).toContain("carte bancaire");
    expect(fr.text).toMatch(/dont 1\s200,00\s€ HT et 240,00\s€ de TVA/);
    expect(fr.text).toContain(paymentId);
    expect(fr.text).toContain(`/contracts/${contractId}`);
    expect(en).toMatchObject({ locale: "en", template: "payment-receipt" });
    expect(en.subject).toContain("Payment receipt: €1,440.00");
    expect(en.text).toContain("Payment method: card");
    // The expert is told the milestone is funded, not sent the client's receipt.
    expect(receipts.some((r) => r.toAddress === expert.email)).toBe(false);
  });

  it("a SEPA debit gets its receipt when the bank settles it, not when it is submitted", async () => {
    const { owner, milestoneIds } = await makeActiveContract();
    const { payment, eventId } = await payWithoutProcessing(owner, milestoneIds[0]!, "sepa_debit");
    await processProviderEvent(eventId);
    expect(await receiptsFor(payment.id)).toHaveLength(0);
    const settled = await settleTestSepaDebit(payment.checkoutSessionId!, "succeeded");
    if (!settled.ok || !settled.value.eventId) throw new Error(JSON.stringify(settled));
    await processProviderEvent(settled.value.eventId);
    await processProviderEvent(settled.value.eventId);
    const receipts = await receiptsFor(payment.id);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.text).toContain("prélèvement SEPA");
  });
});

describe("a payment being confirmed", () => {
  it("paid by card, event not processed yet: the milestone reads as being confirmed and a second payment is refused", async () => {
    const { owner, milestoneIds, contractId } = await makeActiveContract();
    const first = milestoneIds[0]!;
    const { payment, eventId } = await payWithoutProcessing(owner, first, "card");

    const money = await getContractMoney(owner, contractId);
    expect(money.byMilestone[first]?.payment).toMatchObject({ id: payment.id, status: "open", confirming: true });
    expect(await startMilestoneFunding(owner, { milestoneId: first })).toEqual({ ok: false, error: "payment_processing" });

    await processProviderEvent(eventId);
    expect((await getContractMoney(owner, contractId)).byMilestone[first]?.payment).toBeNull();
  });

  it("an open session not paid yet is not being confirmed, unless the client is back from the success page", async () => {
    const { owner, milestoneIds, contractId } = await makeActiveContract();
    const first = milestoneIds[0]!;
    const started = await startMilestoneFunding(owner, { milestoneId: first });
    expect(started.ok).toBe(true);
    const [payment] = await db.select().from(payments).where(and(eq(payments.milestoneId, first), eq(payments.status, "open")));
    expect((await getContractMoney(owner, contractId)).byMilestone[first]?.payment).toMatchObject({ status: "open", confirming: false });
    expect((await getContractMoney(owner, contractId, { fundingPaymentId: payment!.id })).byMilestone[first]?.payment?.confirming).toBe(true);
  });

  it("a SEPA debit waiting for the bank is being confirmed and names its session (the test-mode settle link)", async () => {
    const { owner, milestoneIds, contractId } = await makeActiveContract();
    const first = milestoneIds[0]!;
    const { payment, eventId } = await payWithoutProcessing(owner, first, "sepa_debit");
    await processProviderEvent(eventId);
    expect((await getContractMoney(owner, contractId)).byMilestone[first]?.payment).toMatchObject({
      status: "processing",
      method: "sepa_debit",
      confirming: true,
      checkoutSessionId: payment.checkoutSessionId,
    });
  });
});
