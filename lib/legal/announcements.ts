import "server-only";
import { asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { z } from "zod";
import { db } from "@/db/client";
import { legalAnnouncements, users } from "@/db/schema";
import { fieldErrors } from "@/lib/actions/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { sendEmail } from "@/lib/email/send-email";
import { documentPath } from "./document-path";
import { appUrl } from "@/lib/http/app-url";
import { queueJob } from "@/lib/background/queue";
import { fail, ok, type Result } from "@/lib/result";
import { earliestEffectiveDate, findVersion, LEGAL_DOCUMENTS, LEGAL_VERSIONS, type LegalDocument } from "./versions";

export const ANNOUNCE_LEGAL_TASK = "announce_legal_version";

const announceSchema = z.object({
  document: z.enum(LEGAL_DOCUMENTS as [LegalDocument, ...LegalDocument[]], { error: "required" }),
  version: z.string().trim().min(1, { error: "required" }).max(40, { error: "tooLong" }),
  effectiveOn: z.iso.date({ error: "date" }),
  changesFees: z.enum(["yes", "no"]).optional().transform((v) => v === "yes"),
});

export type AnnounceError = "invalid" | "unknown_version" | "already_announced" | "too_soon";

/**
 * An admin announces a new version of a legal document whose text ships with the code: it takes
 * effect on `effectiveOn` (Paris midnight is close enough: the date is at least 15 days away, 30
 * when the fees change). Everyone is emailed by the worker; the app shows a notice until then.
 */
export async function announceLegalVersion(actor: Actor | null, input: Record<string, string | undefined>, now = new Date()): Promise<Result<{ id: string }, AnnounceError>> {
  const admin = requireRole(actor, "admin");
  const parsed = announceSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { document, version, effectiveOn, changesFees } = parsed.data;
  const known = findVersion(document, version);
  if (!known || known.baselineFrom) return fail("unknown_version", { version: "unknownVersion" });
  const effectiveAt = new Date(`${effectiveOn}T00:00:00Z`);
  return db.transaction(async (tx) => {
    if (effectiveAt < earliestEffectiveDate(now, changesFees, await nobodyBound(tx))) return fail("too_soon", { effectiveOn: changesFees ? "tooSoonFees" : "tooSoon" });
    const [row] = await tx
      .insert(legalAnnouncements)
      .values({ document, version, effectiveAt, changesFees, announcedById: admin.id, announcedAt: now })
      .onConflictDoNothing()
      .returning({ id: legalAnnouncements.id });
    if (!row) return fail("already_announced");
    await queueJob(tx, ANNOUNCE_LEGAL_TASK, { announcementId: row.id }, { key: `legal-announcement:${row.id}`, maxAttempts: 10 });
    await recordAudit(tx, { actor: admin, action: "legal.version_announced", subjectType: "legal_document", subjectId: row.id, data: { document, version, effectiveOn, changesFees } });
    return ok({ id: row.id });
  });
}

/** Whether the platform has no account but its admins' yet: nobody is bound by an earlier version, no notice is owed. */
export async function nobodyBound(executor: Executor = db): Promise<boolean> {
  const [someone] = await executor.select({ id: users.id }).from(users).where(sql`${users.role} is distinct from 'admin'`).limit(1);
  return !someone;
}

/**
 * The versions that ship with the code but were never announced: the admins' to-do (dashboard,
 * /admin/legal). Until announced, a version never takes effect and nobody is told of it.
 */
export async function unannouncedVersions(actor: Actor | null): Promise<{ document: LegalDocument; version: string }[]> {
  requireRole(actor, "admin");
  const announced = await db.select({ document: legalAnnouncements.document, version: legalAnnouncements.version }).from(legalAnnouncements);
  return LEGAL_DOCUMENTS.flatMap((document) =>
    LEGAL_VERSIONS[document]
      .filter((entry) => !entry.baselineFrom && !announced.some((a) => a.document === document && a.version === entry.version))
      .map((entry) => ({ document, version: entry.version })),
  );
}

/** Worker: emails every active account about the announcement, once (one outbox row per person). */
export async function emailLegalAnnouncement(announcementId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const [announcement] = await tx.select().from(legalAnnouncements).where(eq(legalAnnouncements.id, announcementId)).for("update");
    if (!announcement || announcement.emailsQueuedAt) return 0;
    const people = await tx.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(isNull(users.suspendedAt));
    const changes = findVersion(announcement.document, announcement.version)?.changes;
    for (const person of people) {
      await sendEmail(tx, {
        template: "legal-update",
        to: person.email,
        idempotencyKey: `legal-update:${announcement.id}:${person.id}`,
        props: {
          locale: person.locale,
          document: announcement.document,
          version: announcement.version,
          effectiveOn: announcement.effectiveAt.toISOString().slice(0, 10),
          changes: changes ? changes[person.locale] : null,
          url: appUrl(documentPath(announcement.document, announcement.version)),
        },
      });
    }
    await tx.update(legalAnnouncements).set({ emailsQueuedAt: new Date() }).where(eq(legalAnnouncements.id, announcement.id));
    return people.length;
  });
}


/** Announced versions not yet in force: the notice shown in the app until they take effect. */
/** What `upcomingLegalVersions` answers. */
export type UpcomingLegalVersion = Awaited<ReturnType<typeof upcomingLegalVersions>>[number];

export async function upcomingLegalVersions(now = new Date()) {
  return db
    .select({ document: legalAnnouncements.document, version: legalAnnouncements.version, effectiveAt: legalAnnouncements.effectiveAt })
    .from(legalAnnouncements)
    .where(gt(legalAnnouncements.effectiveAt, now))
    .orderBy(asc(legalAnnouncements.effectiveAt));
}

/** Every announcement, by document then date (the versions page and the admin page). */
export async function listLegalAnnouncements() {
  return db.select().from(legalAnnouncements).orderBy(asc(legalAnnouncements.document), asc(legalAnnouncements.effectiveAt));
}
