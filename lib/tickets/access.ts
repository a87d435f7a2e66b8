import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { retainers, retainerTickets, type Contract, type ContractSide, type Retainer, type RetainerTicket } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { loadContractFor } from "@/lib/contracts/access";
import { isUuidLike } from "@/lib/ids";

/** A retainer contract for an actor: its side (expert, client member, admin reading), or a PolicyError. */
export async function loadRetainerFor(executor: Executor, actor: Actor | null, contractId: string, options: { lock?: boolean } = {}) {
  const { contract, side } = await loadContractFor(executor, actor, contractId, options);
  const [retainer] = await executor.select().from(retainers).where(eq(retainers.contractId, contract.id));
  if (!retainer) throw new PolicyError("forbidden");
  return { contract, side, retainer };
}

/** A ticket and its retainer contract for an actor, the ticket row locked when asked. */
export async function loadTicketFor(
  executor: Executor,
  actor: Actor | null,
  ticketId: string,
  options: { lock?: boolean } = {},
): Promise<{ ticket: RetainerTicket; contract: Contract; retainer: Retainer; side: ContractSide | "admin" }> {
  if (!isUuidLike(ticketId)) throw new PolicyError("forbidden");
  const query = executor.select().from(retainerTickets).where(eq(retainerTickets.id, ticketId));
  const [ticket] = options.lock ? await query.for("update") : await query;
  if (!ticket) throw new PolicyError("forbidden");
  const { contract, side, retainer } = await loadRetainerFor(executor, actor, ticket.contractId);
  return { ticket, contract, retainer, side };
}

/** Tickets are opened on a retainer still serving: not ended, on a contract neither cancelled nor completed. */
export function retainerServing(contract: Contract, retainer: Retainer): boolean {
  return retainer.status !== "ended" && contract.status !== "cancelled" && contract.status !== "completed";
}
