import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { paidServices, savingsAssumptionKeys, savingsAssumptions } from "@/db/schema";
import { fieldErrors } from "@/lib/actions/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { parisDay } from "@/lib/dates";
import { eurosField } from "@/lib/money/euros-field";
import { fail, ok, type Result } from "@/lib/result";

/** A hundred thousand euros a month: beyond, a typing mistake. */
const MAX_CENTS = 10_000_000;

const sourceFields = {
  source: z.string({ error: "required" }).trim().min(3, { error: "required" }).max(300, { error: "tooLong" }),
  pricedOn: z.iso.date({ error: "date" }),
};

const serviceSchema = z.object({ slug: z.string().trim().min(1).max(80), price: eurosField({ maxCents: MAX_CENTS }), ...sourceFields });
const assumptionSchema = z.object({ key: z.enum(savingsAssumptionKeys), price: eurosField({ maxCents: MAX_CENTS, allowZero: true }), ...sourceFields });

export type SavingsPriceError = "invalid" | "not_found" | "future_date";

/** The date a price was read cannot be after today (Paris). */
function isFuture(pricedOn: string, now: Date): boolean {
  return pricedOn > parisDay(now);
}

/** An admin updates a paid service's price per user and month, with its source and date. */
export async function updatePaidServicePrice(actor: Actor | null, input: Record<string, string | undefined>, now = new Date()): Promise<Result<{ slug: string }, SavingsPriceError>> {
  const admin = requireRole(actor, "admin");
  const parsed = serviceSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { slug, price, source, pricedOn } = parsed.data;
  if (isFuture(pricedOn, now)) return fail("future_date", { pricedOn: "notInFuture" });
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(paidServices).where(eq(paidServices.slug, slug)).for("update");
    if (!before) return fail("not_found");
    await tx.update(paidServices).set({ monthlyCentsPerUser: price, source, pricedOn, updatedById: admin.id, updatedAt: now }).where(eq(paidServices.id, before.id));
    await recordAudit(tx, {
      actor: admin,
      action: "savings.service_price_updated",
      subjectType: "paid_service",
      subjectId: before.id,
      data: { slug, fromCents: before.monthlyCentsPerUser, toCents: price, source, pricedOn },
    });
    return ok({ slug });
  });
}

/** An admin updates one assumption of the replacement side (hosting, installation, support). */
export async function updateSavingsAssumption(actor: Actor | null, input: Record<string, string | undefined>, now = new Date()): Promise<Result<{ key: string }, SavingsPriceError>> {
  const admin = requireRole(actor, "admin");
  const parsed = assumptionSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { key, price, source, pricedOn } = parsed.data;
  if (isFuture(pricedOn, now)) return fail("future_date", { pricedOn: "notInFuture" });
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(savingsAssumptions).where(eq(savingsAssumptions.key, key)).for("update");
    if (!before) return fail("not_found");
    await tx.update(savingsAssumptions).set({ cents: price, source, pricedOn, updatedById: admin.id, updatedAt: now }).where(eq(savingsAssumptions.key, key));
    await recordAudit(tx, {
      actor: admin,
      action: "savings.assumption_updated",
      subjectType: "savings_assumption",
      subjectId: key,
      data: { fromCents: before.cents, toCents: price, source, pricedOn },
    });
    return ok({ key });
  });
}
