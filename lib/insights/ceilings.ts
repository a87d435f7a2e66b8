import "server-only";
import { desc, lte } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { turnoverCeilings } from "@/db/schema";
import { fieldErrors } from "@/lib/actions/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { eurosField } from "@/lib/money/euros-field";
import { fail, ok, type Result } from "@/lib/result";

/** The ceiling in force for a year: the latest set from that year or before; null if none is. */
export async function servicesCeiling(year: number): Promise<{ year: number; cents: number } | null> {
  const [row] = await db.select().from(turnoverCeilings).where(lte(turnoverCeilings.fromYear, year)).orderBy(desc(turnoverCeilings.fromYear)).limit(1);
  return row ? { year: row.fromYear, cents: row.servicesCents } : null;
}

export async function listTurnoverCeilings(actor: Actor | null) {
  requireRole(actor, "admin");
  return db.select().from(turnoverCeilings).orderBy(desc(turnoverCeilings.fromYear));
}

const ceilingSchema = z.object({
  fromYear: z.coerce.number({ error: "count" }).int({ error: "count" }).min(2020, { error: "count" }).max(2100, { error: "count" }),
  amount: eurosField({ maxCents: 100_000_000 }),
  source: z.string({ error: "required" }).trim().min(3, { error: "required" }).max(300, { error: "tooLong" }),
});

/** An admin sets the ceiling from a year on (a revaluation), or corrects one; audited. */
export async function setTurnoverCeiling(actor: Actor | null, input: Record<string, string | undefined>): Promise<Result<{ fromYear: number }, "invalid">> {
  const admin = requireRole(actor, "admin");
  const parsed = ceilingSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { fromYear, amount, source } = parsed.data;
  return db.transaction(async (tx) => {
    await tx
      .insert(turnoverCeilings)
      .values({ fromYear, servicesCents: amount, source, updatedById: admin.id })
      .onConflictDoUpdate({ target: turnoverCeilings.fromYear, set: { servicesCents: amount, source, updatedById: admin.id, updatedAt: new Date() } });
    await recordAudit(tx, { actor: admin, action: "insights.turnover_ceiling_set", subjectType: "turnover_ceiling", subjectId: String(fromYear), data: { cents: amount, source } });
    return ok({ fromYear });
  });
}
