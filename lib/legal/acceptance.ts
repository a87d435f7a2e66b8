import "server-only";
import { and, desc, eq, lte } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db/client";
import { billingMandates, legalAcceptances, legalAnnouncements, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { mandateSha256 } from "@/lib/invoicing/mandate-text";
import { fail, ok, type Result } from "@/lib/result";
import { findVersion, LEGAL_VERSIONS, type LegalDocument } from "./versions";

/** The documents everyone accepts at sign-in; the billing mandate too, for an expert who gave one. */
const ACCEPTED_AT_SIGN_IN: readonly LegalDocument[] = ["terms", "privacy"];

export type InForce = { document: LegalDocument; version: string; effectiveAt: Date; announced: boolean };

/** The version of `document` in force at `now`: the latest announced one whose date has come, else the first. */
export async function versionInForce(document: LegalDocument, now = new Date()): Promise<InForce> {
  const [latest] = await db
    .select({ version: legalAnnouncements.version, effectiveAt: legalAnnouncements.effectiveAt })
    .from(legalAnnouncements)
    .where(and(eq(legalAnnouncements.document, document), lte(legalAnnouncements.effectiveAt, now)))
    .orderBy(desc(legalAnnouncements.effectiveAt))
    .limit(1);
  if (latest) return { document, ...latest, announced: true };
  const first = LEGAL_VERSIONS[document][0]!;
  return { document, version: first.version, effectiveAt: new Date(`${first.baselineFrom}T00:00:00Z`), announced: false };
}

/**
 * What `userId` must accept before going on: each document whose version in force was announced
 * after the account was created (an account made later accepted that version by signing up) and
 * that the person has not accepted yet; and for an expert who gave the billing mandate, its
 * version in force when it is not the one they gave (the mandate page records the version in
 * force, so a mandate given after the date needs nothing more).
 */
export async function pendingAcceptances(userId: string, now = new Date()): Promise<InForce[]> {
  const [user] = await db.select({ createdAt: users.createdAt, role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) return [];
  const pending: InForce[] = [];
  for (const document of ACCEPTED_AT_SIGN_IN) {
    const current = await versionInForce(document, now);
    if (!current.announced || user.createdAt >= current.effectiveAt) continue;
    if (!(await hasAccepted(userId, document, current.version))) pending.push(current);
  }
  if (user.role === "expert") {
    const mandate = await versionInForce("mandate", now);
    if (mandate.announced) {
      const [given] = await db.select({ version: billingMandates.version }).from(billingMandates).where(eq(billingMandates.userId, userId));
      if (given && given.version !== mandate.version && !(await hasAccepted(userId, "mandate", mandate.version))) pending.push(mandate);
    }
  }
  return pending;
}

async function hasAccepted(userId: string, document: LegalDocument, version: string): Promise<boolean> {
  const [accepted] = await db
    .select({ id: legalAcceptances.id })
    .from(legalAcceptances)
    .where(and(eq(legalAcceptances.userId, userId), eq(legalAcceptances.document, document), eq(legalAcceptances.version, version)));
  return accepted !== undefined;
}

/**
 * Records that `userId` accepted `version` of `document` at `at` (once per version); for the
 * billing mandate, the expert's mandate moves to that version too (its text's fingerprint with it,
 * the identity unchanged). True when it was new.
 */
export async function recordAcceptance(tx: Transaction, actor: Actor, document: LegalDocument, version: string, at: Date): Promise<boolean> {
  const inserted = await tx
    .insert(legalAcceptances)
    .values({ userId: actor.id, document, version, acceptedAt: at })
    .onConflictDoNothing()
    .returning({ id: legalAcceptances.id });
  if (document === "mandate") {
    await tx
      .update(billingMandates)
      .set({ version, textSha256: mandateSha256(env().PLATFORM_LEGAL_NAME, version), acceptedAt: at })
      .where(eq(billingMandates.userId, actor.id));
  }
  if (!inserted[0]) return false;
  await recordAudit(tx, { actor, action: "legal.version_accepted", subjectType: "user", subjectId: actor.id, data: { document, version } });
  return true;
}

const acceptSchema = z.object({ confirm: z.literal("yes", { error: "confirmRequired" }) });

/** "terms:2,privacy:1": the versions the acceptance page showed. */
export function shownVersions(pending: InForce[]): string {
  return pending.map((item) => `${item.document}:${item.version}`).join(",");
}

/**
 * The person accepts the versions pending for them that the page showed (`shown`; a version
 * that took effect since is asked again): recorded with who, which document, which version and
 * when, once per version.
 */
export async function acceptPendingVersions(actor: Actor | null, input: Record<string, string | undefined>, now = new Date()): Promise<Result<{ accepted: number }, "invalid">> {
  const user = requireUser(actor);
  if (!acceptSchema.safeParse(input).success) return fail("invalid", { confirm: "confirmRequired" });
  const shown = new Set((input.shown ?? "").split(","));
  const pending = (await pendingAcceptances(user.id, now)).filter((item) => shown.has(`${item.document}:${item.version}`));
  await db.transaction(async (tx) => {
    for (const item of pending) {
      if (!findVersion(item.document, item.version)) continue;
      await recordAcceptance(tx, user, item.document, item.version, now);
    }
  });
  return ok({ accepted: pending.length });
}

/** A person's acceptances, newest first (shown on the account page and kept as evidence). */
export async function myAcceptances(actor: Actor | null) {
  const user = requireUser(actor);
  return db.select().from(legalAcceptances).where(eq(legalAcceptances.userId, user.id)).orderBy(desc(legalAcceptances.acceptedAt));
}
