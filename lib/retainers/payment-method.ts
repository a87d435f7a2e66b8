import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { retainers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadContractFor } from "@/lib/contracts/access";
import { isPaymentTestMode } from "@/lib/env";
import { fail, ok, type Result } from "@/lib/result";

export type SavePaymentMethodError = "not_retainer" | "ended" | "not_available";

/**
 * A member of the client organisation saves the payment method the monthly fee is charged to:
 * a SEPA Direct Debit mandate or a card, on the organisation's Stripe customer. In test mode the
 * mandate is simulated (a test customer and method are recorded at once); with Stripe, the
 * mandate is collected by a Checkout session in setup mode, which this build does not open yet.
 */
export async function saveRetainerPaymentMethod(actor: Actor | null, input: { contractId: string; kind: "sepa_debit" | "card" }): Promise<Result<void, SavePaymentMethodError>> {
  return db.transaction(async (tx) => {
    const { contract, side } = await loadContractFor(tx, actor, input.contractId, { lock: true });
    if (side !== "client" || !actor) throw new PolicyError("forbidden");
    if (input.kind !== "sepa_debit" && input.kind !== "card") throw new PolicyError("forbidden");
    const [retainer] = await tx.select().from(retainers).where(eq(retainers.contractId, contract.id)).for("update");
    if (!retainer) return fail("not_retainer");
    if (retainer.status === "ended" || contract.status === "cancelled" || contract.status === "completed") return fail("ended");
    if (!isPaymentTestMode()) return fail("not_available");
    const now = new Date();
    await tx
      .update(retainers)
      .set({
        stripeCustomerId: retainer.stripeCustomerId ?? `cus_test_local_${contract.organizationId.slice(0, 8)}`,
        paymentMethodId: `pm_test_local_${input.kind}_${randomUUID().slice(0, 8)}`,
        paymentMethodKind: input.kind,
        updatedAt: now,
      })
      .where(eq(retainers.contractId, contract.id));
    await recordAudit(tx, { actorId: actor.id, action: "retainer.payment_method_saved", subjectType: "contract", subjectId: contract.id, data: { kind: input.kind, testMode: true } });
    return ok(undefined);
  });
}
