import type { BidStatus } from "@/db/schema";

/** A bid's facts as the pages show them (the expert's own view, the comparison, the conversation). */
export interface BidSummary {
  id: string;
  status: BidStatus;
  pricing: "fixed" | "daily";
  totalCents: number;
  dailyRateCents: number | null;
  days: number | null;
  durationDays: number;
  startOn: string;
  method: string;
  commissionCents: number;
  netCents: number;
  declineReason: string | null;
  expertName: string;
  expertSlug: string;
  milestones: { title: string; amountCents: number; dueOn: string }[];
}
