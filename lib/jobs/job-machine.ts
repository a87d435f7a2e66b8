import type { JobStatus } from "@/db/schema";

export type JobEvent = "publish" | "start" | "close" | "cancel";

/**
 * The job state machine: draft → open (published) → in_progress (a bid accepted) → closed;
 * a draft or an open job can be cancelled; an open job can be closed without a contract.
 */
const transitions: Record<JobStatus, Partial<Record<JobEvent, JobStatus>>> = {
  draft: { publish: "open", cancel: "cancelled" },
  open: { start: "in_progress", close: "closed", cancel: "cancelled" },
  in_progress: { close: "closed" },
  closed: {},
  cancelled: {},
};

export function nextJobStatus(from: JobStatus, event: JobEvent): JobStatus | null {
  return transitions[from][event] ?? null;
}

/** The client may edit the job while it is a draft or open (no bid accepted yet). */
export function isJobEditable(status: JobStatus): boolean {
  return status === "draft" || status === "open";
}
