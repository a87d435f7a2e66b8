import "server-only";
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { contracts, retainerExtraHours, retainerMonths, retainerTicketMessages, retainerTickets, retainerTicketTime, users } from "@/db/schema";
import { attachmentsByOwner } from "@/lib/attachments/store";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireUser, actsAsAdmin } from "@/lib/auth/policy";
import { isBreached } from "./due";
import { loadRetainerFor, loadTicketFor, retainerServing } from "./access";
import { parisInstant } from "./working-hours";
import { addDays } from "@/lib/dates";
import { minutesLogged } from "./usage";

export { isBreached };

/** A retainer contract's tickets, newest first, for its expert, client members or an admin. */
export async function listTickets(actor: Actor | null, contractId: string) {
  const { contract, side, retainer } = await loadRetainerFor(db, actor, contractId);
  const tickets = await db.select().from(retainerTickets).where(eq(retainerTickets.contractId, contract.id)).orderBy(desc(retainerTickets.createdAt));
  const months = await db
    .select({ periodStart: retainerMonths.periodStart, periodEnd: retainerMonths.periodEnd })
    .from(retainerMonths)
    .where(eq(retainerMonths.contractId, contract.id))
    .orderBy(desc(retainerMonths.periodStart));
  return { contract, side, retainer, tickets, months, canOpen: side === "client" && retainerServing(contract, retainer) };
}

/** One ticket with its thread, the files of each (download links), and logged time. */
export async function getTicket(actor: Actor | null, ticketId: string) {
  const { ticket, contract, side, retainer } = await loadTicketFor(db, actor, ticketId);
  const messages = await db
    .select({ id: retainerTicketMessages.id, side: retainerTicketMessages.side, body: retainerTicketMessages.body, createdAt: retainerTicketMessages.createdAt, authorName: users.name })
    .from(retainerTicketMessages)
    .leftJoin(users, eq(users.id, retainerTicketMessages.authorId))
    .where(eq(retainerTicketMessages.ticketId, ticket.id))
    .orderBy(asc(retainerTicketMessages.createdAt));
  const time = await db.select().from(retainerTicketTime).where(eq(retainerTicketTime.ticketId, ticket.id)).orderBy(asc(retainerTicketTime.createdAt));
  const ticketFiles = (await attachmentsByOwner(db, "ticketId", [ticket.id])).get(ticket.id) ?? [];
  const messageFiles = await attachmentsByOwner(db, "ticketMessageId", messages.map((m) => m.id));
  return { ticket, contract, retainer, side, messages: messages.map((m) => ({ ...m, files: messageFiles.get(m.id) ?? [] })), ticketFiles, time };
}

/**
 * The report of one retainer month: tickets opened and resolved in the period, hours used against
 * the included ones, targets met and breached, and the extra hours submitted.
 */
export async function getMonthReport(actor: Actor | null, contractId: string, periodStart: string, now = new Date()) {
  const { contract, side, retainer } = await loadRetainerFor(db, actor, contractId);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(periodStart)) throw new PolicyError("forbidden");
  const [month] = await db.select().from(retainerMonths).where(and(eq(retainerMonths.contractId, contract.id), eq(retainerMonths.periodStart, periodStart)));
  if (!month) throw new PolicyError("forbidden");
  const from = new Date(parisInstant(month.periodStart, 0));
  const to = new Date(parisInstant(addDays(month.periodEnd, 1), 0));
  const opened = await db
    .select()
    .from(retainerTickets)
    .where(and(eq(retainerTickets.contractId, contract.id), gte(retainerTickets.createdAt, from), lt(retainerTickets.createdAt, to)))
    .orderBy(asc(retainerTickets.createdAt));
  const [resolved] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(retainerTickets)
    .where(and(eq(retainerTickets.contractId, contract.id), isNotNull(retainerTickets.resolvedAt), gte(retainerTickets.resolvedAt, from), lt(retainerTickets.resolvedAt, to)));
  const usedMinutes = await minutesLogged(db, contract.id, month.periodStart, month.periodEnd);
  const [extra] = await db.select().from(retainerExtraHours).where(eq(retainerExtraHours.retainerMonthId, month.id));
  const [billedWith] = extra?.chargedWithMonthId ? await db.select({ periodStart: retainerMonths.periodStart }).from(retainerMonths).where(eq(retainerMonths.id, extra.chargedWithMonthId)) : [];
  const breached = opened.filter((t) => isBreached(t, now)).length;
  const met = opened.filter((t) => t.firstResponseAt && !isBreached(t, now)).length;
  return {
    contract,
    retainer,
    side,
    month,
    opened,
    resolvedCount: resolved?.count ?? 0,
    usedMinutes,
    includedMinutes: month.hoursIncluded * 60,
    met,
    breached,
    extra: extra ?? null,
    /** The month whose charge carried the approved extra hours (its first day), once billed. */
    billedWith: billedWith?.periodStart ?? null,
    ended: now >= to,
  };
}
export type MonthReport = Awaited<ReturnType<typeof getMonthReport>>;

/** For admins: the tickets that missed their first-response target, newest first. */
export async function listBreachedTickets(actor: Actor | null, now = new Date()) {
  const user = requireUser(actor);
  if (!actsAsAdmin(user)) throw new PolicyError("forbidden");
  const rows = await db
    .select({ ticket: retainerTickets, jobTitle: sql<string>`${contracts.facts}->'job'->>'title'` })
    .from(retainerTickets)
    .innerJoin(contracts, eq(contracts.id, retainerTickets.contractId))
    .where(or(isNotNull(retainerTickets.breachedAt), and(isNull(retainerTickets.firstResponseAt), lte(retainerTickets.responseDueAt, now))))
    .orderBy(desc(retainerTickets.responseDueAt))
    .limit(500);
  return rows;
}

