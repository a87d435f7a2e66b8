import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { bidRetainerTerms, retainerMonths, retainers, type Bid, type RetainerTerms } from "@/db/schema";
import { retainerPeriod } from "./periods";

/** The service level of a bid being accepted, frozen for the contract document; null for a bid without one. */
export async function retainerFacts(tx: Transaction, bid: Bid): Promise<RetainerTerms | null> {
  const [terms] = await tx.select().from(bidRetainerTerms).where(eq(bidRetainerTerms.bidId, bid.id));
  if (!terms) return null;
  const { bidId: _bid, updatedAt: _updated, ...copy } = terms;
  return copy;
}

/**
 * The retainer of a new support contract: its terms copied from the bid, starting on the bid's
 * start, and its first month, carried by the contract's first milestone.
 */
export async function writeRetainer(tx: Transaction, contractId: string, startsOn: string, terms: RetainerTerms, milestones: { id: string; position: number }[]) {
  const first = milestones.find((m) => m.position === 0);
  if (!first) throw new Error(`Retainer contract ${contractId} has no first milestone`);
  await tx.insert(retainers).values({ contractId, startsOn, ...terms });
  await tx.insert(retainerMonths).values({
    contractId,
    milestoneId: first.id,
    ...retainerPeriod(startsOn, 0),
    feeCents: terms.monthlyFeeCents,
    hoursIncluded: terms.hoursIncluded,
    extraHourCents: terms.extraHourCents,
  });
}
