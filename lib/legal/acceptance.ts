import "server-only";
import { and, desc, eq, lte } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { legalAcceptances, legalAnnouncements, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fail, ok, type Result } from "@/lib/result";
import { findVersion, LEGAL_VERSIONS, type LegalDocument } from "./versions";

/** The documents a person accepts at sign-in; the billing mandate is accepted again on its own page. */
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
 * that the person has not accepted yet.
 */
export async function pendingAcceptances(userId: string, now = new Date()): Promise<InForce[]> {
  const [user] = await db.select({ createdAt: users.createdAt }).from(users).where(eq(users.id, userId));
  if (!user) return [];
  const pending: InForce[] = [];
  for (const document of ACCEPTED_AT_SIGN_IN) {
    const current = await versionInForce(document, now);
    if (!current.announced || user.createdAt >= current.effectiveAt) continue;
    const [accepted] = await db
      .select({ id: legalAcceptances.id })
      .from(legalAcceptances)
      .where(and(eq(legalAcceptances.userId, userId), eq(legalAcceptances.document, document), eq(legalAcceptances.version, current.version)));
    if (!accepted) pending.push(current);
  }
  return pending;
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
      const inserted = await tx
        .insert(legalAcceptances)
        .values({ userId: user.id, document: item.document, version: item.version, acceptedAt: now })
        .onConflictDoNothing()
        .returning({ id: legalAcceptances.id });
      if (inserted[0]) {
        await recordAudit(tx, { actor: user, action: "legal.version_accepted", subjectType: "user", subjectId: user.id, data: { document: item.document, version: item.version } });
      }
    }
  });
  return ok({ accepted: pending.length });
}

/** A person's acceptances, newest first (shown on the account page and kept as evidence). */
export async function myAcceptances(actor: Actor | null) {
  const user = requireUser(actor);
  return db.select().from(legalAcceptances).where(eq(legalAcceptances.userId, user.id)).orderBy(desc(legalAcceptances.acceptedAt));
}
