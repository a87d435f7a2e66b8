import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { ledgerAccount, ledgerEntries, type LedgerAccount, type LedgerKind } from "@/db/schema";
import { commissionParts } from "@/lib/money/commission";

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

/** What a release moved (a transfer row holds exactly these). */
export interface ReleaseAmounts {
  /** Released out of escrow, VAT included. */
  grossCents: number;
  /** The part of it excluding VAT; the rest is the expert's VAT, which the expert declares. */
  grossExVatCents: number;
  /** The commission kept, VAT included (exact: basis + 20 % of it). */
  commissionCents: number;
}

/**
 * Held money released: the expert is owed the rest (apart: the VAT collected on the expert's
 * behalf), the platform earns the commission's basis and owes the State its VAT.
 */
export function releaseLines({ grossCents, grossExVatCents, commissionCents }: ReleaseAmounts): [LedgerAccount, number][] {
  const commission = commissionParts(commissionCents);
  const expertVatCents = grossCents - grossExVatCents;
  return [
    ["client_funds_held", grossCents],
    ["expert_payable", -(grossCents - commissionCents - expertVatCents)],
    ["expert_vat_collected", -expertVatCents],
    ["commission_revenue", -commission.exVatCents],
    ["commission_vat_collected", -commission.vatCents],
  ];
}

/** The expert's net (the expert's VAT included) leaves the platform by transfer. */
export const transferLines = ({ amountCents, grossCents, grossExVatCents }: { amountCents: number; grossCents: number; grossExVatCents: number }): [LedgerAccount, number][] => [
  ["expert_payable", amountCents - (grossCents - grossExVatCents)],
  ["expert_vat_collected", grossCents - grossExVatCents],
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
  const balances = Object.fromEntries(ledgerAccount.enumValues.map((account) => [account, 0])) as Record<LedgerAccount, number>;
  for (const row of rows) balances[row.account] = Number(row.balance);
  return balances;
}
