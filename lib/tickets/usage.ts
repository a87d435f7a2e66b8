import "server-only";
import { and, between, eq, sum } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { retainerTickets, retainerTicketTime } from "@/db/schema";

/** Minutes the expert logged on a contract's tickets for work done between two Paris days (inclusive). */
export async function minutesLogged(executor: Executor, contractId: string, from: string, to: string): Promise<number> {
  const [row] = await executor
    .select({ total: sum(retainerTicketTime.minutes).mapWith(Number) })
    .from(retainerTicketTime)
    .innerJoin(retainerTickets, eq(retainerTickets.id, retainerTicketTime.ticketId))
    .where(and(eq(retainerTickets.contractId, contractId), between(retainerTicketTime.workedOn, from, to)));
  return row?.total ?? 0;
}
