/** Support tickets on a retainer contract and the month's extra hours. */
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { retainerExtraHours, retainerMonths, retainerTicketTime } from "@/db/schema";
import { openTicket, resolveTicket } from "@/lib/tickets/tickets";
import type { World } from "../action-world";
import { demoOrg } from "./people";
import { retainerContract } from "./retainers";
import { access, type ActionAccess } from "./types";

async function ticketOn(world: World, options: { resolved?: boolean } = {}) {
  const { contractId } = await retainerContract(world);
  const opened = await openTicket(world.people.clientOwner, { contractId, title: "Synchronisation bloquée", severity: "high", software: "Nextcloud", description: "Plus rien ne se synchronise." });
  if (!opened.ok) throw new Error(`ticket refused: ${JSON.stringify(opened)}`);
  if (options.resolved) await resolveTicket(world.people.partyExpert, { ticketId: opened.value.ticketId });
  return { contractId, ticketId: opened.value.ticketId };
}

/** A retainer whose first month is moved to October 2026 (ended), with 7 hours logged against 6 included. */
async function endedMonth(world: World, options: { submitted?: boolean } = {}) {
  const { contractId, ticketId } = await ticketOn(world);
  const [month] = await db.update(retainerMonths).set({ periodStart: "2026-10-01", periodEnd: "2026-10-31" }).where(eq(retainerMonths.contractId, contractId)).returning();
  if (!month) throw new Error("no retainer month");
  await db.insert(retainerTicketTime).values({ ticketId, expertUserId: world.people.partyExpert?.id, minutes: 420, note: "Mise à jour", workedOn: "2026-10-12" });
  if (options.submitted) {
    await db.insert(retainerExtraHours).values({ contractId, retainerMonthId: month.id, periodStart: month.periodStart, minutes: 60, extraHourCents: month.extraHourCents, amountCents: month.extraHourCents, autoApproveAt: new Date(Date.now() + 7 * 86_400_000) });
  }
  return { contractId, periodStart: month.periodStart };
}

const ACTIONS = "app/contracts/[id]/tickets/actions.ts";

export const TICKET_ACTIONS: Record<string, ActionAccess> = {
  [`${ACTIONS}#openTicketAction`]: access({
    ok: demoOrg,
    together: true,
    note: "the client organisation's members open tickets on their retainer contract",
    prepare: retainerContract,
    form: ({ prepared }) => ({ contractId: prepared.contractId, title: "Serveur lent", severity: "normal", software: "Nextcloud", description: "Les pages mettent dix secondes." }),
  }),
  [`${ACTIONS}#postTicketMessageAction`]: access({
    ok: [...demoOrg, "partyExpert"],
    together: true,
    note: "the two sides of the contract write; admins read only",
    prepare: (world) => ticketOn(world),
    form: ({ prepared }) => ({ ticketId: prepared.ticketId, body: "Des nouvelles ?" }),
  }),
  [`${ACTIONS}#logTicketTimeAction`]: access({
    ok: ["partyExpert"],
    note: "the contract's expert only",
    prepare: (world) => ticketOn(world),
    form: ({ prepared }) => ({ ticketId: prepared.ticketId, minutes: "45", note: "Diagnostic" }),
  }),
  [`${ACTIONS}#resolveTicketAction`]: access({
    ok: ["partyExpert"],
    note: "the contract's expert only",
    prepare: (world) => ticketOn(world),
    form: ({ prepared }) => ({ ticketId: prepared.ticketId }),
  }),
  [`${ACTIONS}#reopenTicketAction`]: access({
    ok: demoOrg,
    together: true,
    note: "the client organisation's members reopen a resolved ticket",
    prepare: (world) => ticketOn(world, { resolved: true }),
    form: ({ prepared }) => ({ ticketId: prepared.ticketId }),
  }),
  [`${ACTIONS}#submitExtraHoursAction`]: access({
    ok: ["partyExpert"],
    note: "the contract's expert, after the month ended",
    prepare: (world) => endedMonth(world),
    form: ({ prepared }) => ({ contractId: prepared.contractId, periodStart: prepared.periodStart, minutes: "60", note: "Mise à jour" }),
  }),
  [`${ACTIONS}#approveExtraHoursAction`]: access({
    ok: demoOrg,
    together: true,
    note: "the client organisation's members approve the extra hours submitted",
    prepare: (world) => endedMonth(world, { submitted: true }),
    form: ({ prepared }) => ({ contractId: prepared.contractId, periodStart: prepared.periodStart }),
  }),
  [`${ACTIONS}#refuseExtraHoursAction`]: access({
    ok: demoOrg,
    together: true,
    note: "the client organisation's members refuse the extra hours submitted, with a reason, before the 7 days",
    prepare: (world) => endedMonth(world, { submitted: true }),
    form: ({ prepared }) => ({ contractId: prepared.contractId, periodStart: prepared.periodStart, reason: "Hors du périmètre du contrat." }),
  }),
};
