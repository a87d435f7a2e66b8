import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { ledgerEntries, type LedgerAccount, type LedgerKind } from "@/db/schema";

export interface LedgerRefs {
  contractId: string;
  milestoneId: string;
  /** Our payment, transfer or refund row. */
  sourceId: string;
  stripeObjectId?: string | null;
}

/**
 * Writes one balanced movement (debits positive, credits negative, summing to zero; the
 * database checks it again at commit). The same source posts a kind once: a replay is a no-op.
 */
export async function postLedger(executor: Executor, kind: LedgerKind, lines: [LedgerAccount, number][], refs: LedgerRefs): Promise<boolean> {
  if (lines.some(([, amount]) => !Number.isInteger(amount))) throw new Error("Ledger amounts are whole cents");
  if (lines.reduce((sum, [, amount]) => sum + amount, 0) !== 0) throw new Error(`Unbalanced ${kind} entry`);
  const entryId = randomUUID();
  const rows = lines
    .filter(([, amount]) => amount !== 0)
    .map(([account, amountCents]) => ({ entryId, kind, account, amountCents, ...refs, stripeObjectId: refs.stripeObjectId ?? null }));
  if (rows.length === 0) return false;
  const inserted = await executor.insert(ledgerEntries).values(rows).onConflictDoNothing().returning({ id: ledgerEntries.id });
  if (inserted.length !== 0 && inserted.length !== rows.length) throw new Error(`Partial ${kind} posting for ${refs.sourceId}`);
  return inserted.length > 0;
}

/** The client's money reaches the platform and is held for the milestone. */
export const fundingLines = (amountCents: number): [LedgerAccount, number][] => [
  ["platform_cash", amountCents],
  ["client_funds_held", -amountCents],
];

/** Held money released: the expert is owed the rest, the platform earns the commission. */
export function releaseLines(grossCents: number, commissionCents: number): [LedgerAccount, number][] {
  return [
    ["client_funds_held", grossCents],
    ["expert_payable", -(grossCents - commissionCents)],
    ["commission_revenue", -commissionCents],
  ];
}

/** The expert's net leaves the platform by transfer. */
export const transferLines = (amountCents: number): [LedgerAccount, number][] => [
  ["expert_payable", amountCents],
  ["platform_cash", -amountCents],
];

/** Held money goes back to the client. */
export const refundLines = (amountCents: number): [LedgerAccount, number][] => [
  ["client_funds_held", amountCents],
  ["platform_cash", -amountCents],
];

/** Balance per account (debits minus credits), optionally for one contract. */
export async function ledgerBalances(executor: Executor, contractId?: string): Promise<Record<LedgerAccount, number>> {
  const rows = await executor.execute<{ account: LedgerAccount; balance: string }>(sql`
    select account, coalesce(sum(amount_cents), 0)::bigint as balance from ledger_entries
    ${contractId ? sql`where contract_id = ${contractId}` : sql``}
    group by account`);
  const balances: Record<LedgerAccount, number> = { platform_cash: 0, client_funds_held: 0, expert_payable: 0, commission_revenue: 0 };
  for (const row of rows) balances[row.account] = Number(row.balance);
  return balances;
}
