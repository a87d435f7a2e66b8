import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { billingMandates, evidenceFiles, expertProfiles, payoutAccounts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { todayIso, urssafState } from "./completeness";

/**
 * What an expert needs before a won job can be invoiced and paid, in the order to do it: a
 * verified profile, the billing mandate (invoices are issued in the expert's name), a payout
 * account whose payouts Stripe enabled, and an URSSAF certificate under six months old.
 */
export const readinessItems = ["verified", "mandate", "payouts", "urssaf"] as const;
export type ReadinessItem = (typeof readinessItems)[number];

/** Where the expert fixes each item. */
export const readinessLinks: Record<ReadinessItem, string> = {
  verified: "/expert/profile",
  mandate: "/expert/billing-mandate",
  payouts: "/expert/payouts",
  urssaf: "/expert/profile#evidence-title",
};

export interface Readiness {
  /** Every item with whether it is done, in `readinessItems` order. */
  items: { key: ReadinessItem; done: boolean; href: string }[];
  missing: ReadinessItem[];
  /** All done: a job won can be invoiced and paid without waiting for the expert. */
  ready: boolean;
}

function readiness(done: Record<ReadinessItem, boolean>): Readiness {
  const items = readinessItems.map((key) => ({ key, done: done[key], href: readinessLinks[key] }));
  const missing = items.filter((i) => !i.done).map((i) => i.key);
  return { items, missing, ready: missing.length === 0 };
}

/** Readiness of several experts (by user id) at once; an unknown user is ready for nothing. */
export async function readinessByExpert(executor: Executor, userIds: string[], today = todayIso()): Promise<Map<string, Readiness>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const [profiles, mandates, accounts] = await Promise.all([
    executor.select({ id: expertProfiles.id, userId: expertProfiles.userId, status: expertProfiles.status }).from(expertProfiles).where(inArray(expertProfiles.userId, ids)),
    executor.select({ userId: billingMandates.userId }).from(billingMandates).where(inArray(billingMandates.userId, ids)),
    executor.select({ userId: payoutAccounts.userId }).from(payoutAccounts).where(and(inArray(payoutAccounts.userId, ids), eq(payoutAccounts.payoutsEnabled, true))),
  ]);
  const evidence = profiles.length
    ? await executor
        .select({ profileId: evidenceFiles.profileId, kind: evidenceFiles.kind, issuedOn: evidenceFiles.issuedOn })
        .from(evidenceFiles)
        .where(and(inArray(evidenceFiles.profileId, profiles.map((p) => p.id)), eq(evidenceFiles.kind, "urssaf")))
    : [];
  return new Map(
    ids.map((userId) => {
      const profile = profiles.find((p) => p.userId === userId);
      const urssaf = profile ? urssafState(evidence.filter((e) => e.profileId === profile.id), today) : "missing";
      return [
        userId,
        readiness({
          verified: profile?.status === "verified",
          mandate: mandates.some((m) => m.userId === userId),
          payouts: accounts.some((a) => a.userId === userId),
          urssaf: urssaf === "fresh" || urssaf === "expiring",
        }),
      ];
    }),
  );
}

/** The acting expert's own checklist (dashboard, bid form). */
export async function getMyReadiness(actor: Actor | null): Promise<Readiness> {
  const expert = requireRole(actor, "expert");
  const result = (await readinessByExpert(db, [expert.id])).get(expert.id);
  if (!result) throw new Error("readiness of the acting expert missing");
  return result;
}
