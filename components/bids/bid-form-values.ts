import { eurosToCents } from "@/lib/money/commission";
import { amountInput } from "@/lib/money/format";

/**
 * The bid form's flat values (the names its fields post), shared by the form, which shows them,
 * and the bid actions, which read them back. Plain functions: safe on the server and the client.
 */
export type BidFormValues = Record<string, string>;

interface BidLike {
  pricing: "fixed" | "daily";
  totalCents: number;
  dailyRateCents: number | null;
  days: number | null;
  durationDays: number;
  startOn: string;
  method: string;
  milestones: { title: string; amountCents: number; dueOn: string }[];
}

/** A saved bid as the form's values, to edit it. */
export function bidToFormValues(bid: BidLike, locale: string): BidFormValues {
  const values: BidFormValues = {
    pricing: bid.pricing,
    durationDays: String(bid.durationDays),
    startOn: bid.startOn,
    method: bid.method,
  };
  if (bid.pricing === "fixed") values.total = amountInput(bid.totalCents, locale);
  else {
    values.dailyRate = bid.dailyRateCents ? amountInput(bid.dailyRateCents, locale) : "";
    values.days = bid.days ? String(bid.days) : "";
  }
  bid.milestones.forEach((m, i) => {
    values[`milestones.${i}.title`] = m.title;
    values[`milestones.${i}.amount`] = amountInput(m.amountCents, locale);
    values[`milestones.${i}.dueOn`] = m.dueOn;
  });
  return values;
}

export interface MilestoneRow {
  title: string;
  amount: string;
  dueOn: string;
}

/**
 * The milestone rows in the order they were shown, blank rows left out. Row names can have gaps
 * (a row removed in the middle); the rows' positions here are what errors refer to.
 */
export function milestoneRows(values: BidFormValues): MilestoneRow[] {
  const indexes = [...new Set(Object.keys(values).flatMap((k) => (/^milestones\.\d+\./.test(k) ? [Number(k.split(".")[1])] : [])))].sort((a, b) => a - b);
  return indexes
    .map((i) => ({ title: values[`milestones.${i}.title`] ?? "", amount: values[`milestones.${i}.amount`] ?? "", dueOn: values[`milestones.${i}.dueOn`] ?? "" }))
    .filter((m) => m.title.trim() || m.amount.trim() || m.dueOn.trim());
}

/** The same values with the milestone rows renumbered 0, 1, 2… so that they line up with the errors. */
export function normalizeBidValues(values: BidFormValues): BidFormValues {
  const rest = Object.fromEntries(Object.entries(values).filter(([k]) => !k.startsWith("milestones.")));
  milestoneRows(values).forEach((m, i) => {
    rest[`milestones.${i}.title`] = m.title;
    rest[`milestones.${i}.amount`] = m.amount;
    rest[`milestones.${i}.dueOn`] = m.dueOn;
  });
  return rest;
}

/**
 * What the milestones typed add up to, against the bid's total: the gap is what they lack
 * (negative when they exceed it). Amounts that are not amounts count as zero; null without a total.
 */
export function milestoneSumGap(amounts: readonly string[], totalCents: number | null): { sumCents: number; totalCents: number; gapCents: number } | null {
  if (!totalCents) return null;
  const sumCents = amounts.reduce((sum, amount) => sum + (eurosToCents(amount) ?? 0), 0);
  return { sumCents, totalCents, gapCents: totalCents - sumCents };
}
