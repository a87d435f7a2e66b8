import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { addDays, parisDay } from "@/lib/dates";
import { auditLog, billingMandates, emailOutbox, legalAcceptances, legalAnnouncements } from "@/db/schema";
import { env } from "@/lib/env";
import { acceptBillingMandate } from "@/lib/invoicing/mandate";
import { MANDATE_VERSION, MANDATE_VERSION_2, mandateSha256 } from "@/lib/invoicing/mandate-text";
import { acceptPendingVersions, pendingAcceptances, shownVersions, versionInForce } from "@/lib/legal/acceptance";
import { ANNOUNCE_LEGAL_TASK, announceLegalVersion } from "@/lib/legal/announcements";
import { documentPath } from "@/lib/legal/document-path";
import { legalHistory } from "@/lib/legal/history";
import { makeCompleteExpert } from "../../helpers/experts";
import { makeUser } from "../../helpers/factories";
import { runQueuedJobs } from "../../helpers/worker";

/** The calendar day `days` after `from`'s day in Paris, where the notice is counted (from 23:00 UTC it is already tomorrow there). */
const day = (from: Date, days: number) => addDays(parisDay(from), days);
const identity = { legalName: "Sophie Bernard EI", addressLine1: "8 quai Saint-Vincent", postalCode: "69001", city: "Lyon", confirm: "yes" };
const mandateOf = async (userId: string) => (await db.select().from(billingMandates).where(eq(billingMandates.userId, userId)))[0];

describe("the billing mandate's versions", () => {
  it("is versioned like the terms: announced 15 days ahead (30 for the fees), re-accepted at the next sign-in after the date, each acceptance recorded", async () => {
    const now = new Date();
    const admin = await makeUser("admin");
    const { actor: expert } = await makeCompleteExpert();
    const { actor: withoutMandate } = await makeCompleteExpert();
    const client = await makeUser("client");

    // The mandate given today is version 1, recorded with who, which version and when.
    expect((await acceptBillingMandate(expert, identity)).ok).toBe(true);
    expect(await mandateOf(expert.id)).toMatchObject({ version: MANDATE_VERSION, textSha256: mandateSha256(env().PLATFORM_LEGAL_NAME, MANDATE_VERSION) });
    expect(await db.select().from(legalAcceptances).where(eq(legalAcceptances.userId, expert.id))).toEqual([
      expect.objectContaining({ document: "mandate", version: MANDATE_VERSION, acceptedAt: expect.any(Date) }),
    ]);

    // The notice: 15 days at least, 30 when the fees change; only a version that ships with the code.
    const input = { document: "mandate", version: MANDATE_VERSION_2, effectiveOn: day(now, 14) };
    expect(await announceLegalVersion(admin, input, now)).toEqual({ ok: false, error: "too_soon", fields: { effectiveOn: "tooSoon" } });
    expect(await announceLegalVersion(admin, { ...input, effectiveOn: day(now, 20), changesFees: "yes" }, now)).toEqual({ ok: false, error: "too_soon", fields: { effectiveOn: "tooSoonFees" } });
    expect(await announceLegalVersion(admin, { ...input, version: MANDATE_VERSION }, now)).toMatchObject({ ok: false, error: "unknown_version" });
    expect((await announceLegalVersion(admin, { ...input, effectiveOn: day(now, 15) }, now)).ok).toBe(true);

    // Everyone is emailed, with the new version's own address.
    await runQueuedJobs([ANNOUNCE_LEGAL_TASK]);
    const [mail] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.template, "legal-update"), eq(emailOutbox.toAddress, expert.email)));
    expect(mail?.html).toContain(documentPath("mandate", MANDATE_VERSION_2));
    expect(documentPath("mandate", MANDATE_VERSION_2)).toBe("/legal/mandate/v/mandat-2");

    // Before the date nothing changes; after it, the expert who gave version 1 accepts version 2 first.
    expect(await pendingAcceptances(expert.id, now)).toEqual([]);
    const [announcement] = await db.select().from(legalAnnouncements);
    const later = new Date(announcement!.effectiveAt.getTime() + 3_600_000);
    expect((await versionInForce("mandate", later)).version).toBe(MANDATE_VERSION_2);
    expect(await pendingAcceptances(expert.id, later)).toEqual([expect.objectContaining({ document: "mandate", version: MANDATE_VERSION_2 })]);
    // An expert who never gave the mandate accepts it on its page (the version in force); a client has none.
    expect(await pendingAcceptances(withoutMandate.id, later)).toEqual([]);
    expect(await pendingAcceptances(client.id, later)).toEqual([]);
    expect((await legalHistory(later)).mandate.map((entry) => [entry.version, entry.status])).toEqual([
      [MANDATE_VERSION, "replaced"],
      [MANDATE_VERSION_2, "current"],
    ]);

    const shown = shownVersions(await pendingAcceptances(expert.id, later));
    expect(await acceptPendingVersions(expert, { shown }, later)).toMatchObject({ ok: false, error: "invalid" });
    expect(await acceptPendingVersions(expert, { confirm: "yes", shown }, later)).toEqual({ ok: true, value: { accepted: 1 } });
    expect(await mandateOf(expert.id)).toMatchObject({
      version: MANDATE_VERSION_2,
      textSha256: mandateSha256(env().PLATFORM_LEGAL_NAME, MANDATE_VERSION_2),
      acceptedAt: later,
      legalName: identity.legalName,
    });
    expect(await db.select().from(legalAcceptances).where(and(eq(legalAcceptances.userId, expert.id), eq(legalAcceptances.version, MANDATE_VERSION_2)))).toEqual([
      expect.objectContaining({ document: "mandate", acceptedAt: later }),
    ]);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, "legal.version_accepted"), eq(auditLog.actorId, expert.id)));
    expect(audit.map((row) => row.data)).toEqual(expect.arrayContaining([{ document: "mandate", version: MANDATE_VERSION_2 }]));
    expect(await pendingAcceptances(expert.id, later)).toEqual([]);
  });

  it("the two versions' texts differ by the e-invoicing paragraph, in both languages", async () => {
    const { mandateText } = await import("@/lib/invoicing/mandate-text");
    for (const locale of ["fr", "en"] as const) {
      const first = mandateText("Compagnon SAS", locale, MANDATE_VERSION);
      const second = mandateText("Compagnon SAS", locale, MANDATE_VERSION_2);
      expect(second).toHaveLength(first.length + 1);
      expect(second.filter((line) => !first.includes(line))).toHaveLength(1);
    }
    expect(mandateSha256("Compagnon SAS", MANDATE_VERSION)).not.toBe(mandateSha256("Compagnon SAS", MANDATE_VERSION_2));
  });
});
