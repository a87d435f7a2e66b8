import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailOutbox, notifications, retainerExtraHours } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { billApprovedExtraHours } from "@/lib/retainers/extra-hours-billing";
import { runRetainerTickets } from "@/lib/tickets/breaches";
import { approvedExtraHoursFor, approveExtraHours, refuseExtraHours, submitExtraHours } from "@/lib/tickets/extra-hours";
import { getMonthReport } from "@/lib/tickets/queries";
import { refuseExtraHoursSchema } from "@/lib/tickets/schemas";
import { logTicketTime } from "@/lib/tickets/time";
import { openTicket } from "@/lib/tickets/tickets";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeRetainerContract } from "../../helpers/retainers";

const PERIOD = "2027-01-15";
const SUBMITTED = new Date("2027-02-16T09:00:00Z");
const REASON = "Ces heures concernent une panne causée par l'intervention elle-même.";

let admin: Actor;
let otherClient: Actor;
let otherExpert: Actor;

beforeAll(async () => {
  admin = await makeUser("admin");
  otherClient = await makeUser("client");
  await makeOrganization(otherClient);
  ({ expert: otherExpert } = await makeRetainerContract());
});

/** A retainer whose first month was worked 7 h (6 included) and 1 h of extra hours submitted on 16 February. */
async function submitted() {
  const made = await makeRetainerContract({ activate: true });
  const ticket = await openTicket(made.owner, { contractId: made.contractId, title: "Mise à jour", severity: "normal", software: "Nextcloud", description: "Passer en version 30." }, new Date("2027-01-18T09:00:00Z"));
  if (!ticket.ok) throw new Error("no ticket");
  await logTicketTime(made.expert, { ticketId: ticket.value.ticketId, minutes: 420, note: "Mise à jour majeure" }, new Date("2027-01-18T10:00:00Z"));
  expect((await submitExtraHours(made.expert, { contractId: made.contractId, periodStart: PERIOD, minutes: 60, note: "" }, SUBMITTED)).ok).toBe(true);
  return made;
}

const rowOf = async (contractId: string) => (await db.select().from(retainerExtraHours).where(eq(retainerExtraHours.contractId, contractId)))[0];

describe("refusing extra hours", () => {
  it("needs a reason (a translated message)", () => {
    for (const reason of ["", "   "]) {
      expect(refuseExtraHoursSchema.safeParse({ contractId: "x", periodStart: PERIOD, reason }).error?.issues[0]?.message).toBe("ticketRefusalReason");
    }
    expect(refuseExtraHoursSchema.safeParse({ contractId: "x", periodStart: PERIOD, reason: "a".repeat(2001) }).error?.issues[0]?.message).toBe("tooLong");
  });

  it("is for a member of the client organisation only; the expert is told by email and in-app; they are never billed", async () => {
    const { owner, expert, contractId } = await submitted();
    for (const actor of [expert, admin, otherClient, otherExpert, null]) {
      await expect(refuseExtraHours(actor, { contractId, periodStart: PERIOD, reason: REASON }, SUBMITTED)).rejects.toBeInstanceOf(PolicyError);
    }
    expect(await refuseExtraHours(owner, { contractId, periodStart: PERIOD, reason: REASON }, new Date("2027-02-18T09:00:00Z"))).toEqual({ ok: true, value: undefined });
    expect(await rowOf(contractId)).toMatchObject({ status: "rejected", refusalReason: REASON, decidedById: owner.id });
    const emails = await db.select().from(emailOutbox).where(and(eq(emailOutbox.template, "ticket-event"), eq(emailOutbox.toAddress, expert.email)));
    expect(emails.some((e) => e.subject.includes("refusées"))).toBe(true);
    const inApp = await db.select().from(notifications).where(eq(notifications.userId, expert.id));
    expect(inApp.some((n) => n.idempotencyKey.startsWith("ticket:extraHoursRefused:"))).toBe(true);
    expect((await getMonthReport(expert, contractId, PERIOD)).extra).toMatchObject({ status: "rejected", refusalReason: REASON });

    // Final: no approval after it, not by the client nor by the deadline, and nothing billed.
    expect(await approveExtraHours(owner, { contractId, periodStart: PERIOD })).toEqual({ ok: false, error: "already_decided" });
    expect(await refuseExtraHours(owner, { contractId, periodStart: PERIOD, reason: REASON })).toEqual({ ok: false, error: "already_decided" });
    await runRetainerTickets(new Date("2027-03-01T09:00:00Z"));
    expect((await rowOf(contractId))?.status).toBe("rejected");
    expect(await approvedExtraHoursFor(db, contractId, PERIOD)).toBe(0);
    await billApprovedExtraHours(new Date("2027-03-15T10:00:00Z"));
    expect((await rowOf(contractId))?.chargedWithMonthId).toBeNull();
  });

  it("is refused once the hours are approved, or once the 7 days have passed", async () => {
    const approved = await submitted();
    expect((await approveExtraHours(approved.owner, { contractId: approved.contractId, periodStart: PERIOD })).ok).toBe(true);
    expect(await refuseExtraHours(approved.owner, { contractId: approved.contractId, periodStart: PERIOD, reason: REASON })).toEqual({ ok: false, error: "already_decided" });

    const late = await submitted();
    expect(await refuseExtraHours(late.owner, { contractId: late.contractId, periodStart: PERIOD, reason: REASON }, new Date("2027-02-23T09:00:00Z"))).toEqual({ ok: false, error: "deadline_passed" });
    expect(await refuseExtraHours(late.owner, { contractId: late.contractId, periodStart: "2027-02-15", reason: REASON })).toEqual({ ok: false, error: "not_submitted" });
  });
});
