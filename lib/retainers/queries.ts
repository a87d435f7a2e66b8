import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { retainerMonths, retainers, type Retainer, type RetainerMonth } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadContractFor } from "@/lib/contracts/access";

export interface RetainerView {
  retainer: Retainer;
  months: RetainerMonth[];
  side: "client" | "expert" | "admin";
}

/** A support contract's retainer (current terms, status) and its months, for its parties and admins; null for another contract. */
export async function getRetainerView(actor: Actor | null, contractId: string): Promise<RetainerView | null> {
  const { contract, side } = await loadContractFor(db, actor, contractId);
  const [retainer] = await db.select().from(retainers).where(eq(retainers.contractId, contract.id));
  if (!retainer) return null;
  const months = await db.select().from(retainerMonths).where(eq(retainerMonths.contractId, contract.id)).orderBy(asc(retainerMonths.periodStart));
  return { retainer, months, side };
}
