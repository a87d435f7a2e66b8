import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { identityText } from "@/lib/text/identity";
import { db } from "@/db/client";
import { billingMandates, expertProfiles } from "@/db/schema";
import { lacksLegalMentions } from "@/lib/experts/legal-mentions";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { fieldErrors } from "@/lib/actions/field-errors";
import { fail, ok, type Result } from "@/lib/result";
import { MANDATE_VERSION, mandateSha256 } from "./mandate-text";

export const mandateSchema = z.object({
  legalName: identityText().min(2, { error: "required" }).max(200, { error: "tooLong" }),
  addressLine1: z.string().trim().min(3, { error: "required" }).max(200, { error: "tooLong" }),
  addressLine2: z.string().trim().max(200, { error: "tooLong" }).optional().transform((v) => v || null),
  postalCode: z.string().max(10, { error: "postalCode" }).trim().regex(/^\d{5}$/, { error: "postalCode" }),
  city: z.string().trim().min(2, { error: "required" }).max(100, { error: "tooLong" }),
  confirm: z.literal("yes", { error: "confirmRequired" }),
});

/**
 * The expert accepts the billing mandate and gives the identity printed on its invoices (legal
 * name and business address). Accepting again updates the identity for future invoices only.
 * Refused until the profile gives the legal form and the mentions it requires (register, share
 * capital), so that no invoice is issued without them.
 */
export async function acceptBillingMandate(actor: Actor | null, input: Record<string, string | undefined>): Promise<Result<void, "invalid" | "mentions_required">> {
  const expert = requireRole(actor, "expert");
  const parsed = mandateSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  // Asked before any invoice: the profile must hold every mention the legal form makes mandatory.
  const [profile] = await db.select().from(expertProfiles).where(eq(expertProfiles.userId, expert.id));
  if (!profile || lacksLegalMentions(profile)) return fail("mentions_required");
  const { confirm: _confirm, ...identity } = parsed.data;
  const values = { ...identity, version: MANDATE_VERSION, textSha256: mandateSha256(env().PLATFORM_LEGAL_NAME), acceptedAt: new Date() };
  await db.transaction(async (tx) => {
    await tx.insert(billingMandates).values({ userId: expert.id, ...values }).onConflictDoUpdate({ target: billingMandates.userId, set: values });
    await recordAudit(tx, { actorId: expert.id, action: "billing_mandate.accepted", subjectType: "user", subjectId: expert.id, data: { version: MANDATE_VERSION } });
  });
  return ok(undefined);
}

export async function getMyMandate(actor: Actor | null) {
  const expert = requireRole(actor, "expert");
  const [mandate] = await db.select().from(billingMandates).where(eq(billingMandates.userId, expert.id));
  return mandate ?? null;
}
