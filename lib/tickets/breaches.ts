import "server-only";
import { and, eq, isNull, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { contracts, retainerTickets } from "@/db/schema";
import { autoApproveExtraHours } from "./extra-hours";
import { notifyTicket, ticketPath } from "./notify";

export const RETAINER_TICKETS_TASK = "retainer_tickets";

/**
 * Marks the tickets whose first-response deadline passed without an answer as breached and tells
 * both sides, each in its own transaction (a ticket locked by an answer being written is skipped
 * until the next run). Returns how many were marked.
 */
export async function markTicketBreaches(now = new Date()): Promise<number> {
  const due = await db
    .select({ id: retainerTickets.id })
    .from(retainerTickets)
    .where(and(isNull(retainerTickets.firstResponseAt), isNull(retainerTickets.breachedAt), lte(retainerTickets.responseDueAt, now)));
  let marked = 0;
  for (const { id } of due) {
    marked += await db.transaction(async (tx) => {
      const [ticket] = await tx.select().from(retainerTickets).where(eq(retainerTickets.id, id)).for("update", { skipLocked: true });
      if (!ticket || ticket.firstResponseAt || ticket.breachedAt) return 0;
      await tx.update(retainerTickets).set({ breachedAt: now, updatedAt: now }).where(eq(retainerTickets.id, id));
      const [contract] = await tx.select().from(contracts).where(eq(contracts.id, ticket.contractId));
      if (contract) await notifyTicket(tx, contract, { event: "breached", audiences: ["client", "expert"], ticketTitle: ticket.title, path: ticketPath(contract.id, ticket.id), key: ticket.id });
      return 1;
    });
  }
  return marked;
}

/** Worker (every five minutes): breaches marked, extra hours past their 7 days approved. */
export async function runRetainerTickets(now = new Date()): Promise<{ breached: number; approved: number }> {
  return { breached: await markTicketBreaches(now), approved: await autoApproveExtraHours(now) };
}
