import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { runRetainerTickets } from "@/lib/tickets/breaches";
import { approvedExtraHoursFor, approveExtraHours, submitExtraHours } from "@/lib/tickets/extra-hours";
import { getMonthReport } from "@/lib/tickets/queries";
import { monthReportPdf } from "@/lib/tickets/report-document";
import { submitExtraHoursSchema } from "@/lib/tickets/schemas";
import { logTicketTime } from "@/lib/tickets/time";
import { openTicket, postTicketMessage, resolveTicket } from "@/lib/tickets/tickets";
import { db } from "@/db/client";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeRetainerContract } from "../../helpers/retainers";

let owner: Actor;
let expert: Actor;
let contractId: string;
let otherExpert: Actor;
let otherClient: Actor;
let admin: Actor;

/** The first month runs 15 January – 14 February 2027; 6 hours included, 90 € an extra hour. */
const PERIOD = "2027-01-15";
const IN_MONTH = new Date("2027-01-18T09:00:00Z");
const AFTER_MONTH = new Date("2027-02-16T09:00:00Z");

beforeAll(async () => {
  ({ owner, expert, contractId } = await makeRetainerContract({ activate: true }));
  ({ expert: otherExpert } = await makeRetainerContract());
  otherClient = await makeUser("client");
  await makeOrganization(otherClient);
  admin = await makeUser("admin");
  const answered = await openTicket(owner, { contractId, title: "Sauvegarde en échec", severity: "high", software: "Nextcloud", description: "La sauvegarde de nuit échoue." }, IN_MONTH);
  const late = await openTicket(owner, { contractId, title: "VPN lent", severity: "low", software: "WireGuard", description: "Débit faible." }, IN_MONTH);
  if (!answered.ok || !late.ok) throw new Error("tickets not opened");
  await postTicketMessage(expert, { ticketId: answered.value.ticketId, body: "Corrigé, c'était le disque." }, new Date("2027-01-18T10:00:00Z"));
  await logTicketTime(expert, { ticketId: answered.value.ticketId, minutes: 300, note: "Diagnostic et remplacement" }, new Date("2027-01-18T11:00:00Z"));
  await logTicketTime(expert, { ticketId: late.value.ticketId, minutes: 150, note: "Réglages MTU" }, new Date("2027-02-10T11:00:00Z"));
  await resolveTicket(expert, { ticketId: answered.value.ticketId }, new Date("2027-01-19T09:00:00Z"));
  // The low ticket (40 working hours) is never answered: breached by early February.
  await runRetainerTickets(new Date("2027-02-05T09:00:00Z"));
});

describe("the month report", () => {
  it("counts tickets opened and resolved, hours used against included, targets met and breached", async () => {
    const report = await getMonthReport(owner, contractId, PERIOD, AFTER_MONTH);
    expect(report.opened.map((t) => t.title).sort()).toEqual(["Sauvegarde en échec", "VPN lent"]);
    expect(report).toMatchObject({ resolvedCount: 1, usedMinutes: 450, includedMinutes: 360, met: 1, breached: 1, extra: null, ended: true });
  });

  it("is read by the expert and admins; not by outsiders or the anonymous, nor for a period with no month", async () => {
    expect((await getMonthReport(expert, contractId, PERIOD)).usedMinutes).toBe(450);
    expect((await getMonthReport(admin, contractId, PERIOD)).usedMinutes).toBe(450);
    for (const actor of [otherClient, otherExpert, null]) {
      await expect(getMonthReport(actor, contractId, PERIOD)).rejects.toBeInstanceOf(PolicyError);
    }
    await expect(getMonthReport(owner, contractId, "2027-03-15")).rejects.toBeInstanceOf(PolicyError);
    await expect(getMonthReport(owner, contractId, "nope")).rejects.toBeInstanceOf(PolicyError);
  });
});

describe("the month report as a PDF", () => {
  it("is a PDF in French or English for the parties, refused to outsiders", async () => {
    for (const [lang, name] of [
      ["fr", "rapport-support-2027-01-15.pdf"],
      ["en", "rapport-support-2027-01-15-en.pdf"],
    ] as const) {
      const pdf = await monthReportPdf(owner, contractId, PERIOD, lang, AFTER_MONTH);
      expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.fileName).toBe(name);
    }
    await expect(monthReportPdf(otherClient, contractId, PERIOD, "fr")).rejects.toBeInstanceOf(PolicyError);
  });
});

describe("extra hours", () => {
  it("refuses bad input, a month not ended, more than logged beyond the included hours, and the wrong actors", async () => {
    expect(submitExtraHoursSchema.safeParse({ contractId, periodStart: PERIOD, minutes: "0" }).error?.issues[0]?.message).toBe("ticketExtraMinutes");
    expect(await submitExtraHours(expert, { contractId, periodStart: PERIOD, minutes: 60, note: "" }, IN_MONTH)).toEqual({ ok: false, error: "not_ended" });
    expect(await submitExtraHours(expert, { contractId, periodStart: "2027-03-15", minutes: 60, note: "" }, AFTER_MONTH)).toEqual({ ok: false, error: "no_month" });
    expect(await submitExtraHours(expert, { contractId, periodStart: PERIOD, minutes: 91, note: "" }, AFTER_MONTH)).toMatchObject({ ok: false, error: "too_many" });
    for (const actor of [owner, admin, otherExpert, otherClient, null]) {
      await expect(submitExtraHours(actor, { contractId, periodStart: PERIOD, minutes: 60, note: "" }, AFTER_MONTH)).rejects.toBeInstanceOf(PolicyError);
    }
    expect(await approveExtraHours(owner, { contractId, periodStart: PERIOD })).toEqual({ ok: false, error: "not_submitted" });
  });

  it("the expert submits at month end, the client approves: the amount counts for the next charge", async () => {
    expect(await submitExtraHours(expert, { contractId, periodStart: PERIOD, minutes: 90, note: "Disque remplacé" }, AFTER_MONTH)).toEqual({ ok: true, value: undefined });
    expect(await submitExtraHours(expert, { contractId, periodStart: PERIOD, minutes: 30, note: "" }, AFTER_MONTH)).toEqual({ ok: false, error: "already_submitted" });
    expect(await approvedExtraHoursFor(db, contractId, PERIOD)).toBe(0);
    for (const actor of [expert, admin, otherClient, null]) {
      await expect(approveExtraHours(actor, { contractId, periodStart: PERIOD })).rejects.toBeInstanceOf(PolicyError);
    }
    expect((await approveExtraHours(owner, { contractId, periodStart: PERIOD })).ok).toBe(true);
    // 1 h 30 at 90 € an hour.
    expect(await approvedExtraHoursFor(db, contractId, PERIOD)).toBe(13_500);
    expect(await approveExtraHours(owner, { contractId, periodStart: PERIOD })).toEqual({ ok: false, error: "already_decided" });
    expect((await getMonthReport(owner, contractId, PERIOD)).extra).toMatchObject({ minutes: 90, amountCents: 13_500, status: "approved" });
  });

  it("without the client's answer they are approved 7 days after submission", async () => {
    const other = await makeRetainerContract({ activate: true });
    const opened = await openTicket(other.owner, { contractId: other.contractId, title: "Mise à jour", severity: "normal", software: "Nextcloud", description: "Passer en version 30." }, IN_MONTH);
    if (!opened.ok) throw new Error("not opened");
    await logTicketTime(other.expert, { ticketId: opened.value.ticketId, minutes: 420, note: "Mise à jour majeure" }, IN_MONTH);
    expect((await submitExtraHours(other.expert, { contractId: other.contractId, periodStart: PERIOD, minutes: 60, note: "" }, AFTER_MONTH)).ok).toBe(true);
    await runRetainerTickets(new Date("2027-02-23T08:59:00Z"));
    expect(await approvedExtraHoursFor(db, other.contractId, PERIOD)).toBe(0);
    await runRetainerTickets(new Date("2027-02-23T09:00:00Z"));
    expect(await approvedExtraHoursFor(db, other.contractId, PERIOD)).toBe(9_000);
  });
});
