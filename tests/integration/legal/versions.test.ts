import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { addDays, parisDay } from "@/lib/dates";
import { auditLog, emailOutbox, legalAcceptances, legalAnnouncements, users } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { acceptPendingVersions, pendingAcceptances, shownVersions, versionInForce } from "@/lib/legal/acceptance";
import { ANNOUNCE_LEGAL_TASK, announceLegalVersion, upcomingLegalVersions } from "@/lib/legal/announcements";
import { legalHistory } from "@/lib/legal/history";
import { makeUser } from "../../helpers/factories";
import { runQueuedJobs } from "../../helpers/worker";

/** The calendar day `days` after `from`'s day in Paris, where the notice is counted (from 23:00 UTC it is already tomorrow there). */
const day = (from: Date, days: number) => addDays(parisDay(from), days);

describe("versioned legal documents", () => {
  it("only an admin past the second factor announces a version; the notice is 15 days, 30 when the fees change; only a version that ships with the code", async () => {
    const now = new Date();
    const input = { document: "terms", version: "2", effectiveOn: day(now, 20) };
    for (const who of [null, await makeUser("client"), await makeUser("expert")]) {
      await expect(announceLegalVersion(who, input, now)).rejects.toBeInstanceOf(PolicyError);
    }
    const pendingAdmin = { ...(await makeUser("admin")), secondFactor: null };
    await expect(announceLegalVersion(pendingAdmin, input, now)).rejects.toBeInstanceOf(PolicyError);

    const admin = await makeUser("admin");
    expect(await announceLegalVersion(admin, { ...input, effectiveOn: day(now, 14) }, now)).toEqual({ ok: false, error: "too_soon", fields: { effectiveOn: "tooSoon" } });
    expect(await announceLegalVersion(admin, { ...input, effectiveOn: day(now, 20), changesFees: "yes" }, now)).toEqual({ ok: false, error: "too_soon", fields: { effectiveOn: "tooSoonFees" } });
    expect(await announceLegalVersion(admin, { ...input, version: "9" }, now)).toMatchObject({ ok: false, error: "unknown_version" });
    expect(await announceLegalVersion(admin, { ...input, version: "1" }, now)).toMatchObject({ ok: false, error: "unknown_version" });
    expect(await announceLegalVersion(admin, { ...input, document: "cookies" }, now)).toMatchObject({ ok: false, error: "invalid", fields: { document: expect.any(String) } });
    expect(await announceLegalVersion(admin, { ...input, effectiveOn: "31/12/2026" }, now)).toMatchObject({ ok: false, error: "invalid", fields: { effectiveOn: "date" } });
    expect(await db.select().from(legalAnnouncements)).toHaveLength(0);
  });

  it("an announced version is emailed to every active account in its language and shown in the app, then accepted at the next sign-in after its date", async () => {
    const now = new Date();
    const admin = await makeUser("admin");
    const before = await makeUser("client");
    const english = await makeUser("expert");
    await db.update(users).set({ locale: "en" }).where(eq(users.id, english.id));
    const suspended = await makeUser("client");
    await db.update(users).set({ suspendedAt: now }).where(eq(users.id, suspended.id));

    const announced = await announceLegalVersion(admin, { document: "terms", version: "2", effectiveOn: day(now, 15) }, now);
    expect(announced.ok).toBe(true);
    expect(await announceLegalVersion(admin, { document: "terms", version: "2", effectiveOn: day(now, 40) }, now)).toEqual({ ok: false, error: "already_announced" });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "legal.version_announced"));
    expect(audit).toMatchObject({ actorId: admin.id, data: { document: "terms", version: "2", changesFees: false } });

    await runQueuedJobs([ANNOUNCE_LEGAL_TASK]);
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.template, "legal-update"));
    const activeUsers = await db.select({ email: users.email }).from(users).where(isNull(users.suspendedAt));
    expect(mails.map((m) => m.toAddress).sort()).toEqual(activeUsers.map((u) => u.email).sort());
    expect(mails.map((m) => m.toAddress)).toEqual(expect.arrayContaining([admin.email, before.email, english.email]));
    expect(mails.map((m) => m.toAddress)).not.toContain(suspended.email);
    expect(mails.find((m) => m.toAddress === before.email)?.subject).toMatch(/^conditions générales d’utilisation : nouvelle version au \d+ \S+ \d{4}$/);
    expect(mails.find((m) => m.toAddress === english.email)?.subject).toMatch(/^terms of use: new version on \d+ \w+ \d{4}$/);
    expect(mails.find((m) => m.toAddress === english.email)?.html).toContain("/legal/terms/v/2");
    const [row] = await db.select().from(legalAnnouncements);
    expect(row?.emailsQueuedAt).not.toBeNull();

    // Until the date: the notice in the app, version 1 in force, nothing to accept.
    expect(await upcomingLegalVersions(now)).toEqual([expect.objectContaining({ document: "terms", version: "2" })]);
    expect((await versionInForce("terms", now)).version).toBe("1");
    expect(await pendingAcceptances(before.id, now)).toEqual([]);

    // After the date: whoever signed up before accepts version 2; who signed up after already did.
    const later = new Date(row!.effectiveAt.getTime() + 3_600_000);
    const newcomer = await makeUser("client");
    await db.update(users).set({ createdAt: new Date(later.getTime() - 60_000) }).where(eq(users.id, newcomer.id));
    expect(await upcomingLegalVersions(later)).toEqual([]);
    expect(await pendingAcceptances(before.id, later)).toEqual([expect.objectContaining({ document: "terms", version: "2", announced: true })]);
    expect(await pendingAcceptances(newcomer.id, later)).toEqual([]);
    expect((await legalHistory(later)).terms.map((entry) => [entry.version, entry.status])).toEqual([
      ["1", "replaced"],
      ["2", "current"],
    ]);

    const shown = shownVersions(await pendingAcceptances(before.id, later));
    expect(shown).toBe("terms:2");
    await expect(acceptPendingVersions(null, { confirm: "yes", shown }, later)).rejects.toBeInstanceOf(PolicyError);
    expect(await acceptPendingVersions(before, { shown }, later)).toEqual({ ok: false, error: "invalid", fields: { confirm: "confirmRequired" } });
    // A version the page did not show (one that took effect since) is not accepted unseen.
    expect(await acceptPendingVersions(before, { confirm: "yes", shown: "terms:1" }, later)).toEqual({ ok: true, value: { accepted: 0 } });
    expect(await pendingAcceptances(before.id, later)).toHaveLength(1);
    expect(await acceptPendingVersions(before, { confirm: "yes", shown }, later)).toEqual({ ok: true, value: { accepted: 1 } });
    expect(await acceptPendingVersions(before, { confirm: "yes", shown }, later)).toEqual({ ok: true, value: { accepted: 0 } });
    const accepted = await db.select().from(legalAcceptances).where(eq(legalAcceptances.userId, before.id));
    expect(accepted).toEqual([expect.objectContaining({ document: "terms", version: "2", acceptedAt: later })]);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "legal.version_accepted"), eq(auditLog.actorId, before.id)))).toHaveLength(1);
    expect(await pendingAcceptances(before.id, later)).toEqual([]);
    // The other person's acceptance is theirs to give.
    expect(await pendingAcceptances(english.id, later)).toHaveLength(1);
  });
});
