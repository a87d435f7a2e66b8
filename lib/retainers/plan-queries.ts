import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { retainerPlanChanges, retainers, type Retainer, type RetainerPlanChange } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadContractFor } from "@/lib/contracts/access";

export interface RetainerPlanView {
  retainer: Retainer;
  side: "client" | "expert" | "admin";
  /** The proposal waiting for an answer, if any. */
  pending: RetainerPlanChange | null;
  /** Accepted changes, the latest first, each with the month it applies from. */
  history: RetainerPlanChange[];
  /** The contract is active and the retainer not ended: plans may still change. */
  serving: boolean;
}

/** A retainer's plan: the current one, the change waiting, the history of accepted changes; for its parties and admins (a PolicyError otherwise). */
export async function getRetainerPlan(actor: Actor | null, contractId: string): Promise<RetainerPlanView | null> {
  const { contract, side } = await loadContractFor(db, actor, contractId);
  const [retainer] = await db.select().from(retainers).where(eq(retainers.contractId, contract.id));
  if (!retainer) return null;
  const changes = await db.select().from(retainerPlanChanges).where(eq(retainerPlanChanges.contractId, contract.id)).orderBy(desc(retainerPlanChanges.createdAt));
  return {
    retainer,
    side,
    pending: changes.find((c) => c.status === "proposed") ?? null,
    history: changes.filter((c) => c.status === "accepted").sort((a, b) => (b.effectiveFrom ?? "").localeCompare(a.effectiveFrom ?? "") || b.createdAt.getTime() - a.createdAt.getTime()),
    serving: retainer.status !== "ended" && contract.status === "active",
  };
}

