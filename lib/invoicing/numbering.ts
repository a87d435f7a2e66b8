import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { expertProfiles } from "@/db/schema";

/**
 * The next number of a series for a year, gap-free: the counter row is incremented (and stays
 * locked) in the caller's transaction, so a rollback gives the number back and concurrent
 * issuers queue up. Numbers are never reused. The increment is the database function
 * `allocate_invoice_number` (SECURITY DEFINER, migration 0011): the app's runtime role cannot
 * write the counters itself, and the function refuses a number while the previous one is unused.
 * The row lock it leaves is the series lock the hash chain (chain.ts) relies on.
 */
export async function allocateNumber(tx: Transaction, key: string, year: number): Promise<number> {
  const rows = await tx.execute<{ n: number }>(sql`select allocate_invoice_number(${key}, ${year}) as n`);
  const next = rows[0]?.n;
  if (typeof next !== "number") throw new Error(`No number for series ${key} ${year}`);
  return next;
}

/** The expert's short code in its invoice numbers, made once from its slug (unique). */
export async function expertInvoiceCode(tx: Transaction, profileId: string): Promise<string> {
  const [profile] = await tx.select({ code: expertProfiles.invoiceCode, slug: expertProfiles.slug }).from(expertProfiles).where(eq(expertProfiles.id, profileId)).for("update");
  if (!profile) throw new Error(`No expert profile ${profileId}`);
  if (profile.code) return profile.code;
  const base = profile.slug.replace(/[^a-z0-9]/gi, "").toUpperCase().slice(0, 8) || "EXPERT";
  // Two experts with similar slugs may get their first invoice at once: one picks at a time.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`invoice-code:${base}`}))`);
  for (let attempt = 0; ; attempt++) {
    const code = attempt === 0 ? base : `${base.slice(0, 6)}${attempt + 1}`;
    const [taken] = await tx.select({ id: expertProfiles.id }).from(expertProfiles).where(and(eq(expertProfiles.invoiceCode, code)));
    if (taken) continue;
    await tx.update(expertProfiles).set({ invoiceCode: code }).where(eq(expertProfiles.id, profileId));
    return code;
  }
}

export const pad = (value: number, width: number) => String(value).padStart(width, "0");
