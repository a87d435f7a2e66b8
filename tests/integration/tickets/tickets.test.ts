import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailOutbox, notifications, retainerTickets, retainerTicketTime } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { markTicketBreaches } from "@/lib/tickets/breaches";
import { getTicket, listBreachedTickets, listTickets } from "@/lib/tickets/queries";
import { openTicketSchema } from "@/lib/tickets/schemas";
import { logTicketTime } from "@/lib/tickets/time";
import { openTicket, postTicketMessage, reopenTicket, resolveTicket } from "@/lib/tickets/tickets";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeRetainerContract } from "../../helpers/retainers";

let owner: Actor;
let expert: Actor;
let contractId: string;
let otherExpert: Actor;
let otherClient: Actor;
let admin: Actor;

/** Friday 4 December 2026, 17:00 in Paris. */
const FRIDAY_5PM = new Date("2026-12-04T16:00:00Z");

beforeAll(async () => {
  ({ owner, expert, contractId } = await makeRetainerContract({ activate: true }));
  ({ expert: otherExpert } = await makeRetainerContract());
  otherClient = await makeUser("client");
  await makeOrganization(otherClient);
  admin = await makeUser("admin");
});

const input = (overrides: Record<string, string> = {}) => ({ contractId, title: "Synchronisation bloquée", severity: "critical" as const, software: "nextcloud", description: "Les clients ne synchronisent plus depuis ce matin.", ...overrides });

async function open(at = FRIDAY_5PM): Promise<string> {
  const opened = await openTicket(owner, input(), at);
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  return opened.value.ticketId;
}

describe("opening a ticket", () => {
  it("a client member opens it: the deadline is the severity's target in working hours, the expert is told", async () => {
    const ticketId = await open();
    const [ticket] = await db.select().from(retainerTickets).where(eq(retainerTickets.id, ticketId));
    // Critical is 4 working hours on Mon–Fri 9–18: Friday 17:00 → Monday 12:00.
    expect(ticket).toMatchObject({ software: "Nextcloud", severity: "critical", targetHours: 4, status: "open", firstResponseAt: null });
    expect(ticket?.responseDueAt.toISOString()).toBe("2026-12-07T11:00:00.000Z");
    const mails = await db.select().from(emailOutbox).where(and(eq(emailOutbox.template, "ticket-event"), eq(emailOutbox.toAddress, expert.email)));
    expect(mails.some((m) => m.subject.includes("Synchronisation bloquée"))).toBe(true);
    const inbox = await db.select().from(notifications).where(eq(notifications.userId, expert.id));
    expect(inbox.some((n) => n.link === `/contracts/${contractId}/tickets/${ticketId}`)).toBe(true);
  });

  it("refuses software the retainer does not cover, and bad input with translated messages", async () => {
    expect(await openTicket(owner, input({ software: "Odoo" }), FRIDAY_5PM)).toMatchObject({ ok: false, error: "software" });
    const parsed = openTicketSchema.safeParse({ ...input(), title: " ", severity: "urgent" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).sort()).toEqual(["required", "ticketSeverity"]);
  });

  it("is refused to the expert, an admin, another organisation's client and the anonymous", async () => {
    for (const actor of [expert, admin, otherClient, otherExpert, null]) {
      await expect(openTicket(actor, input(), FRIDAY_5PM)).rejects.toBeInstanceOf(PolicyError);
    }
  });
});

describe("the thread and the response clock", () => {
  it("the expert's first answer stops the clock within target; a later one does not move it", async () => {
    const ticketId = await open();
    const clientMessage = await postTicketMessage(owner, { ticketId, body: "Toujours bloqué." }, new Date("2026-12-07T08:00:00Z"));
    expect(clientMessage.ok).toBe(true);
    expect((await db.select().from(retainerTickets).where(eq(retainerTickets.id, ticketId)))[0]?.firstResponseAt).toBeNull();
    await postTicketMessage(expert, { ticketId, body: "Je regarde." }, new Date("2026-12-07T09:00:00Z"));
    await postTicketMessage(expert, { ticketId, body: "Corrigé." }, new Date("2026-12-07T10:00:00Z"));
    const [ticket] = await db.select().from(retainerTickets).where(eq(retainerTickets.id, ticketId));
    expect(ticket?.firstResponseAt?.toISOString()).toBe("2026-12-07T09:00:00.000Z");
    expect(ticket?.breachedAt).toBeNull();
    await markTicketBreaches(new Date("2026-12-08T09:00:00Z"));
    expect((await db.select().from(retainerTickets).where(eq(retainerTickets.id, ticketId)))[0]?.breachedAt).toBeNull();
    const view = await getTicket(owner, ticketId);
    expect(view.messages.map((m) => [m.side, m.body])).toEqual([
      ["client", "Toujours bloqué."],
      ["expert", "Je regarde."],
      ["expert", "Corrigé."],
    ]);
  });

  it("unanswered past the deadline: the task marks the breach once and tells both sides; admins see it", async () => {
    const ticketId = await open(new Date("2026-12-14T16:00:00Z"));
    // Due Tuesday 15 December 12:00 Paris; earlier tickets' breaches are marked first.
    await markTicketBreaches(new Date("2026-12-15T10:59:00Z"));
    const breachedAt = async () => (await db.select().from(retainerTickets).where(eq(retainerTickets.id, ticketId)))[0]?.breachedAt?.toISOString();
    expect(await breachedAt()).toBeUndefined();
    expect(await markTicketBreaches(new Date("2026-12-15T11:00:00Z"))).toBe(1);
    expect(await markTicketBreaches(new Date("2026-12-15T12:00:00Z"))).toBe(0);
    expect(await breachedAt()).toBe("2026-12-15T11:00:00.000Z");
    const breachMails = await db.select({ to: emailOutbox.toAddress, key: emailOutbox.idempotencyKey }).from(emailOutbox).where(eq(emailOutbox.template, "ticket-event"));
    const forTicket = breachMails.filter((m) => m.key.startsWith(`ticket:breached:${ticketId}:`)).map((m) => m.to);
    expect(forTicket.sort()).toEqual([expert.email, owner.email].sort());
    expect((await listBreachedTickets(admin)).map((r) => r.ticket.id)).toContain(ticketId);
    await expect(listBreachedTickets(owner)).rejects.toBeInstanceOf(PolicyError);
    await expect(listBreachedTickets(expert)).rejects.toBeInstanceOf(PolicyError);
  });

  it("a late first answer records the breach itself", async () => {
    const ticketId = await open(new Date("2026-12-16T08:00:00Z"));
    await postTicketMessage(expert, { ticketId, body: "Désolé du retard." }, new Date("2026-12-18T08:00:00Z"));
    const [ticket] = await db.select().from(retainerTickets).where(eq(retainerTickets.id, ticketId));
    expect(ticket?.breachedAt?.toISOString()).toBe("2026-12-18T08:00:00.000Z");
  });

  it("only the two sides write: admin, outsiders and the anonymous are refused", async () => {
    const ticketId = await open();
    for (const actor of [admin, otherClient, otherExpert, null]) {
      await expect(postTicketMessage(actor, { ticketId, body: "?" })).rejects.toBeInstanceOf(PolicyError);
    }
    await expect(postTicketMessage(owner, { ticketId: "not-a-uuid", body: "?" })).rejects.toBeInstanceOf(PolicyError);
  });
});

describe("time, resolution and reopening", () => {
  it("the expert logs time; nobody else can", async () => {
    const ticketId = await open();
    expect((await logTicketTime(expert, { ticketId, minutes: 45, note: "Redémarrage du cron" }, FRIDAY_5PM)).ok).toBe(true);
    const rows = await db.select().from(retainerTicketTime).where(eq(retainerTicketTime.ticketId, ticketId));
    expect(rows.map((r) => [r.minutes, r.workedOn])).toEqual([[45, "2026-12-04"]]);
    for (const actor of [owner, admin, otherClient, otherExpert, null]) {
      await expect(logTicketTime(actor, { ticketId, minutes: 10, note: "x" })).rejects.toBeInstanceOf(PolicyError);
    }
  });

  it("the expert resolves, the client reopens; illegal moves are refused", async () => {
    const ticketId = await open();
    expect(await reopenTicket(owner, { ticketId })).toEqual({ ok: false, error: "not_resolved" });
    for (const actor of [owner, admin, otherExpert, null]) {
      await expect(resolveTicket(actor, { ticketId })).rejects.toBeInstanceOf(PolicyError);
    }
    expect(await resolveTicket(expert, { ticketId })).toEqual({ ok: true, value: undefined });
    expect(await resolveTicket(expert, { ticketId })).toEqual({ ok: false, error: "not_open" });
    expect(await postTicketMessage(owner, { ticketId, body: "Encore ?" })).toEqual({ ok: false, error: "resolved" });
    for (const actor of [expert, admin, otherClient, null]) {
      await expect(reopenTicket(actor, { ticketId })).rejects.toBeInstanceOf(PolicyError);
    }
    expect((await reopenTicket(owner, { ticketId })).ok).toBe(true);
    const [ticket] = await db.select().from(retainerTickets).where(eq(retainerTickets.id, ticketId));
    expect(ticket).toMatchObject({ status: "open", resolvedAt: null });
  });

  it("lists the contract's tickets to both sides and admins, no one else", async () => {
    expect((await listTickets(owner, contractId)).canOpen).toBe(true);
    expect((await listTickets(expert, contractId)).canOpen).toBe(false);
    expect((await listTickets(admin, contractId)).tickets.length).toBeGreaterThan(0);
    for (const actor of [otherClient, otherExpert, null]) {
      await expect(listTickets(actor, contractId)).rejects.toBeInstanceOf(PolicyError);
    }
  });
});
