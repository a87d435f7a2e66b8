import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { billingMandates, contractMilestones, contracts, expertProfiles, payoutAccounts, transfers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { appUrl } from "@/lib/http/app-url";
import { milestoneCharge } from "./amounts";
import { fail, ok, type Result } from "@/lib/result";
import { paymentProvider } from "./provider";

/**
 * A verified expert who accepted the billing mandate starts (or resumes) Stripe Connect Express
 * onboarding: the connected account is created once (idempotency key from the user: two clicks,
 * or a retry after a lost answer, get the same account), recorded, then a fresh account link.
 * No provider call happens inside a transaction. Whether payouts are enabled is recorded from
 * account.updated, never from the return URL.
 */
export async function startPayoutsOnboarding(actor: Actor | null): Promise<Result<{ url: string }, "not_verified" | "mandate_required">> {
  const expert = requireRole(actor, "expert");
  const [profile] = await db.select({ status: expertProfiles.status }).from(expertProfiles).where(eq(expertProfiles.userId, expert.id));
  if (profile?.status !== "verified") return fail("not_verified");
  const [mandate] = await db.select({ userId: billingMandates.userId }).from(billingMandates).where(eq(billingMandates.userId, expert.id));
  if (!mandate) return fail("mandate_required");
  const provider = paymentProvider();
  let [account] = await db.select().from(payoutAccounts).where(eq(payoutAccounts.userId, expert.id));
  if (!account) {
    const created = await provider.createExpressAccount({ userId: expert.id, email: expert.email, idempotencyKey: `account:${expert.id}` });
    account = await db.transaction(async (tx) => {
      const [inserted] = await tx.insert(payoutAccounts).values({ userId: expert.id, stripeAccountId: created.id }).onConflictDoNothing().returning();
      if (inserted) await recordAudit(tx, { actorId: expert.id, action: "payouts.account_created", subjectType: "user", subjectId: expert.id, data: { accountId: created.id } });
      return inserted ?? (await tx.select().from(payoutAccounts).where(eq(payoutAccounts.userId, expert.id)))[0];
    });
  }
  if (!account) throw new Error("Payout account missing");
  const base = appUrl("/expert/payouts");
  const link = await provider.createAccountLink(account.stripeAccountId, { refreshUrl: `${base}/refresh`, returnUrl: `${base}?returned=1` });
  return ok({ url: link.url });
}

/** A link to the expert's Stripe Express dashboard (or its test-mode stand-in). */
export async function payoutsDashboardLink(actor: Actor | null): Promise<Result<{ url: string }, "no_account">> {
  const expert = requireRole(actor, "expert");
  const [account] = await db.select().from(payoutAccounts).where(eq(payoutAccounts.userId, expert.id));
  if (!account) return fail("no_account");
  return ok(await paymentProvider().createLoginLink(account.stripeAccountId));
}

/**
 * The expert's money: payout account state, what was paid, what waits to be sent, what is held
 * in escrow for funded or delivered milestones (net of commission), and each transfer.
 */
export async function getMyPayouts(actor: Actor | null) {
  const expert = requireRole(actor, "expert");
  const [account] = await db.select().from(payoutAccounts).where(eq(payoutAccounts.userId, expert.id));
  const rows = await db
    .select({
      id: transfers.id,
      amountCents: transfers.amountCents,
      grossCents: transfers.grossCents,
      commissionCents: transfers.commissionCents,
      status: transfers.status,
      sentAt: transfers.sentAt,
      createdAt: transfers.createdAt,
      milestoneTitle: contractMilestones.title,
      contractId: transfers.contractId,
      facts: contracts.facts,
    })
    .from(transfers)
    .innerJoin(contractMilestones, eq(contractMilestones.id, transfers.milestoneId))
    .innerJoin(contracts, eq(contracts.id, transfers.contractId))
    .where(eq(transfers.expertUserId, expert.id))
    .orderBy(desc(transfers.createdAt));
  const held = await db
    .select({ amountCents: contractMilestones.amountCents, commissionBps: contracts.commissionBps, vatRateBps: contracts.vatRateBps })
    .from(contractMilestones)
    .innerJoin(contracts, eq(contracts.id, contractMilestones.contractId))
    .where(and(eq(contracts.expertUserId, expert.id), inArray(contractMilestones.status, ["funded", "delivered", "disputed"])));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    account: account ? { payoutsEnabled: account.payoutsEnabled, detailsSubmitted: account.detailsSubmitted, requirementsDue: account.requirementsDue } : null,
    paidCents: sum(rows.filter((r) => r.status === "sent").map((r) => r.amountCents)),
    waitingCents: sum(rows.filter((r) => r.status !== "sent").map((r) => r.amountCents)),
    heldCents: sum(held.map((h) => milestoneCharge(h, h).expertCents)),
    transfers: rows.map(({ facts, ...row }) => ({ ...row, jobTitle: facts.job.title })),
  };
}
