import { Logger, run, type Runner, type TaskList } from "graphile-worker";
import { z } from "zod";
import { deliverEmail } from "@/lib/email/deliver";
import { DELIVER_EMAIL_TASK } from "@/lib/email/send-email";
import { todayIso } from "@/lib/experts/completeness";
import { sendUrssafReminders } from "@/lib/experts/reminders";

const deliverPayload = z.object({ outboxId: z.uuid() });

export const taskList: TaskList = {
  [DELIVER_EMAIL_TASK]: async (payload, helpers) => {
    const { outboxId } = deliverPayload.parse(payload);
    const outcome = await deliverEmail(outboxId, {
      isLastAttempt: helpers.job.attempts >= helpers.job.max_attempts,
    });
    helpers.logger.debug(`email ${outboxId}: ${outcome}`);
  },
  urssaf_reminders: async (_payload, helpers) => {
    const sent = await sendUrssafReminders(todayIso());
    helpers.logger.info(`URSSAF reminders sent: ${sent}`);
  },
};

/** Daily at 08:00 (server time); graphile-worker backfills a missed run up to a day late. */
const crontab = "0 8 * * * urssaf_reminders ?fill=1d";

const logger = new Logger((scope) => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[worker] ${message}`, scope.taskIdentifier ?? "");
});

/**
 * Starts the background worker on the same PostgreSQL (graphile-worker: jobs are queued by SQL
 * inside our own transactions and picked up at once through LISTEN/NOTIFY).
 */
export function startWorker(connectionString: string, concurrency = 2): Promise<Runner> {
  return run({
    connectionString,
    concurrency,
    taskList,
    crontab,
    logger,
    noHandleSignals: true,
    pollInterval: 2000,
  });
}
