import { EventEmitter } from "node:events";
import { Logger, run, type Job, type TaskList, type WorkerEvents } from "graphile-worker";
import pg from "pg";
import { z } from "zod";
import { deliverEmail } from "@/lib/email/deliver";
import { startHeartbeat } from "@/lib/background/heartbeat";
import { DELIVER_EMAIL_TASK } from "@/lib/email/send-email";
import { sendDac7Notices } from "@/lib/dac7/notices";
import { sendUrssafReminders } from "@/lib/experts/reminders";
import { storeInvoicePdf } from "@/lib/invoicing/files";
import { RENDER_INVOICE_TASK } from "@/lib/invoicing/issue";
import { runMilestoneDeadlines } from "@/lib/payments/delivery";
import { RETAINER_BILLING_TASK, runRetainerBilling } from "@/lib/retainers/billing";
import { applySavedPaymentMethod } from "@/lib/retainers/saved-method";
import { RETAINER_METHOD_TASK } from "@/lib/retainers/setup-events";
import { RETAINER_TICKETS_TASK, runRetainerTickets } from "@/lib/tickets/breaches";
import { processProviderEvent } from "@/lib/payments/events/process";
import { PROCESS_EVENT_TASK } from "@/lib/payments/events/record";
import { SEND_REFUND_TASK, sendRefund } from "@/lib/payments/refunds";
import { ANONYMISE_REPORTS_TASK, anonymiseOldReports } from "@/lib/moderation/retention";
import { anonymiseOldStatements } from "@/lib/moderation/retention-statements";
import { PREPARE_EXPORT_TASK, prepareDataExport, purgeExpiredDataExports } from "@/lib/privacy/data-export";
import { REPAIR_TASK, repairPaymentIntents } from "@/lib/payments/repair";
import { SEND_TRANSFER_TASK } from "@/lib/payments/release";
import { sendTransfer } from "@/lib/payments/transfers";
import { log } from "@/lib/observability/logger";
import { parisDay } from "@/lib/dates";
import { LOOKUP_ADDRESS_TASK, refreshOrganizationAddressJob } from "@/lib/einvoicing/directory-jobs";
import { POLL_EINVOICE_TASK, pollEinvoiceStatuses } from "@/lib/einvoicing/poll";
import { SUBMIT_EINVOICE_TASK, submitEinvoice } from "@/lib/einvoicing/submit";
import { SEND_REPORT_TASK, sendEinvoiceReportTask } from "@/lib/einvoicing/report-task";
import { PERIOD_REPORTS_TASK, queueClosedPeriodReports } from "@/lib/einvoicing/period-reports";
import { ANNOUNCE_LEGAL_TASK, emailLegalAnnouncement } from "@/lib/legal/announcements";

const deliverPayload = z.object({ outboxId: z.uuid() });
const eventPayload = z.object({ eventId: z.string().min(1) });
const transferPayload = z.object({ transferId: z.uuid() });
const refundPayload = z.object({ refundId: z.uuid() });
const invoicePayload = z.object({ invoiceId: z.uuid() });
const exportPayload = z.object({ exportId: z.uuid() });
const organizationPayload = z.object({ organizationId: z.uuid() });
const announcementPayload = z.object({ announcementId: z.uuid() });
const contractPayload = z.object({ contractId: z.uuid() });

export const taskList: TaskList = {
  [DELIVER_EMAIL_TASK]: async (payload, helpers) => {
    const { outboxId } = deliverPayload.parse(payload);
    const outcome = await deliverEmail(outboxId, {
      isLastAttempt: helpers.job.attempts >= helpers.job.max_attempts,
    });
    helpers.logger.debug(`email ${outboxId}: ${outcome}`);
  },
  urssaf_reminders: async (_payload, helpers) => {
    const sent = await sendUrssafReminders(parisDay());
    helpers.logger.info(`URSSAF reminders sent: ${sent}`);
  },
  dac7_notices: async (_payload, helpers) => {
    const { reminders, copies } = await sendDac7Notices();
    if (reminders + copies > 0) helpers.logger.info(`DAC7: ${reminders} reminders, ${copies} copies sent`);
  },
  [PROCESS_EVENT_TASK]: async (payload, helpers) => {
    const { eventId } = eventPayload.parse(payload);
    helpers.logger.info(`event ${eventId}: ${await processProviderEvent(eventId)}`);
  },
  [SEND_TRANSFER_TASK]: async (payload, helpers) => {
    const { transferId } = transferPayload.parse(payload);
    helpers.logger.info(`transfer ${transferId}: ${await sendTransfer(transferId)}`);
  },
  [SEND_REFUND_TASK]: async (payload, helpers) => {
    const { refundId } = refundPayload.parse(payload);
    helpers.logger.info(`refund ${refundId}: ${await sendRefund(refundId)}`);
  },
  [RENDER_INVOICE_TASK]: async (payload, helpers) => {
    const { invoiceId } = invoicePayload.parse(payload);
    helpers.logger.info(`invoice ${invoiceId}: ${await storeInvoicePdf(invoiceId)}`);
  },
  [REPAIR_TASK]: async (_payload, helpers) => {
    const { finished, abandoned, failed } = await repairPaymentIntents();
    if (finished + abandoned + failed > 0) helpers.logger.info(`payment intents repaired: ${finished} finished, ${abandoned} abandoned, ${failed} failed`);
  },
  [PREPARE_EXPORT_TASK]: async (payload, helpers) => {
    const { exportId } = exportPayload.parse(payload);
    helpers.logger.info(`data export ${exportId}: ${await prepareDataExport(exportId)}`);
  },
  [ANNOUNCE_LEGAL_TASK]: async (payload, helpers) => {
    const { announcementId } = announcementPayload.parse(payload);
    helpers.logger.info(`legal announcement ${announcementId}: ${await emailLegalAnnouncement(announcementId)} people emailed`);
  },
  purge_data_exports: async (_payload, helpers) => {
    helpers.logger.info(`data exports expired: ${await purgeExpiredDataExports()}`);
  },
  [ANONYMISE_REPORTS_TASK]: async (_payload, helpers) => {
    helpers.logger.info(`reports anonymised after 5 years: ${await anonymiseOldReports()}`);
    helpers.logger.info(`statements of reasons anonymised after 5 years: ${await anonymiseOldStatements()}`);
  },
  [SUBMIT_EINVOICE_TASK]: async (payload, helpers) => {
    const { invoiceId } = invoicePayload.parse(payload);
    const outcome = await submitEinvoice(invoiceId, { isLastAttempt: helpers.job.attempts >= helpers.job.max_attempts });
    helpers.logger.info(`e-invoice ${invoiceId}: ${outcome}`);
  },
  [POLL_EINVOICE_TASK]: async (_payload, helpers) => {
    const { acknowledged, statuses } = await pollEinvoiceStatuses();
    if (acknowledged + statuses > 0) helpers.logger.info(`e-invoicing: ${acknowledged} acknowledgements, ${statuses} lifecycle statuses`);
  },
  [SEND_REPORT_TASK]: sendEinvoiceReportTask,
  [PERIOD_REPORTS_TASK]: async (_payload, helpers) => {
    helpers.logger.info(`e-reporting period reports queued: ${await queueClosedPeriodReports()}`);
  },
  [LOOKUP_ADDRESS_TASK]: async (payload, helpers) => {
    const { organizationId } = organizationPayload.parse(payload);
    helpers.logger.info(`electronic address of organisation ${organizationId}: ${await refreshOrganizationAddressJob(organizationId)}`);
  },
  milestone_deadlines: async (_payload, helpers) => {
    const { approved, reminded } = await runMilestoneDeadlines();
    helpers.logger.info(`milestones auto-approved: ${approved}, reminders: ${reminded}`);
  },
  [RETAINER_BILLING_TASK]: async (_payload, helpers) => {
    const { closed, opened, extraHoursBilled, charged } = await runRetainerBilling();
    helpers.logger.info(`retainer months closed: ${closed}, opened: ${opened}, extra hours billed: ${extraHoursBilled}, charged: ${charged}`);
  },
  [RETAINER_METHOD_TASK]: async (payload, helpers) => {
    const { contractId } = contractPayload.parse(payload);
    helpers.logger.info(`retainer ${contractId} payment method: ${await applySavedPaymentMethod(contractId)}`);
  },
  [RETAINER_TICKETS_TASK]: async (_payload, helpers) => {
    const { breached, approved } = await runRetainerTickets();
    helpers.logger.info(`retainer tickets breached: ${breached}, extra hours auto-approved: ${approved}`);
  },
};

/**
 * URSSAF reminders daily at 08:00 (server time), DAC7 reminders (December) and sellers' copies
 * (1 to 31 January) daily at 09:00, milestone deadlines every hour, the repair of payment
 * provider calls left half-way every ten minutes, retainer months closed, opened and charged
 * every hour (at :20), support tickets' missed response targets (and extra hours past their 7 days)
 * every five minutes, expired data exports deleted daily at 03:30,
 * reports and statements of reasons decided more than 5 years ago anonymised daily at 03:45,
 * the PA's e-invoicing statuses read every fifteen minutes, the e-reporting of closed periods daily at 04:15;
 * graphile-worker backfills a missed run (up to a day, an hour) late.
 */
const crontab = [
  "0 8 * * * urssaf_reminders ?fill=1d",
  "0 9 * * * dac7_notices ?fill=2d",
  "5 * * * * milestone_deadlines ?fill=1h",
  `20 * * * * ${RETAINER_BILLING_TASK} ?fill=1h`,
  `*/10 * * * * ${REPAIR_TASK}`,
  `*/5 * * * * ${RETAINER_TICKETS_TASK}`,
  "30 3 * * * purge_data_exports ?fill=1d",
  `45 3 * * * ${ANONYMISE_REPORTS_TASK} ?fill=1d`,
  `*/15 * * * * ${POLL_EINVOICE_TASK}`,
  `15 4 * * * ${PERIOD_REPORTS_TASK} ?fill=2d`,
].join("\n");

const workerLog = log("worker");

/** graphile-worker's own lines, with their scope (worker, task, job id), through our logger. */
const logger = new Logger((scope) => {
  const fields = { workerId: scope.workerId, task: scope.taskIdentifier, jobId: scope.jobId };
  return (level, message) => {
    // Each job has its own line (logJobs below): graphile-worker's "Completed task…" goes to debug.
    const routine = /^(Completed|Failed) task /.test(message);
    const pinoLevel = level === "error" ? "error" : level === "warning" ? "warn" : level === "info" && !routine ? "info" : "debug";
    workerLog[pinoLevel](fields, message);
  };
});

/**
 * One info line per job run: task, job id, attempt (of the maximum), duration and outcome
 * (success; retry when it failed with attempts left; failed when none is left). Never the payload.
 */
function logJobs(events: WorkerEvents): void {
  const started = new Map<string, bigint>();
  const fields = (job: Job) => ({ task: job.task_identifier, jobId: job.id, attempt: job.attempts, maxAttempts: job.max_attempts });
  events.on("job:start", ({ job }) => started.set(job.id, process.hrtime.bigint()));
  events.on("job:complete", ({ job, error }) => {
    const start = started.get(job.id);
    started.delete(job.id);
    const durationMs = start === undefined ? undefined : Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10;
    if (!error) return workerLog.info({ ...fields(job), durationMs, outcome: "success" }, `job ${job.task_identifier} done`);
    const outcome = job.attempts >= job.max_attempts ? "failed" : "retry";
    workerLog[outcome === "failed" ? "error" : "warn"]({ ...fields(job), durationMs, outcome, err: error }, `job ${job.task_identifier} ${outcome === "failed" ? "failed for good" : "failed, will retry"}`);
  });
}

export interface RunningWorker {
  /** Graceful stop: running jobs finish, the heartbeat rows go. */
  stop: () => Promise<void>;
  /** Settles when the worker stops; rejects when it fails. */
  promise: Promise<void>;
  /** graphile-worker's ids of this process's workers (one per concurrent job). */
  workerIds: () => string[];
}

/**
 * Starts the background worker on the same PostgreSQL (graphile-worker: jobs are queued by SQL
 * inside our own transactions and picked up at once through LISTEN/NOTIFY), with a heartbeat
 * per worker and a sweep that hands the jobs of dead workers (a crashed process) to live ones.
 */
export async function startWorker(connectionString: string, concurrency = 2): Promise<RunningWorker> {
  const ids = new Set<string>();
  const events: WorkerEvents = new EventEmitter();
  const heartbeat = startHeartbeat(connectionString, () => [...ids], (message) => workerLog.warn(message));
  logJobs(events);
  events.on("worker:create", ({ worker }) => {
    ids.add(worker.workerId);
    void heartbeat.beat().catch(() => {});
  });
  // The pool is ours, with an error handler, and ended once the runner has stopped: a connection
  // the server cuts (a restart, a dropped database) is then logged and replaced, never an uncaught
  // error, and stop() returns only when every connection is closed.
  const pgPool = new pg.Pool({ connectionString, max: concurrency + 2 });
  pgPool.on("error", (error) => workerLog.warn({ err: error }, "a worker database connection was cut; the pool reconnects"));
  try {
    const runner = await run({
      pgPool,
      concurrency,
      taskList,
      crontab,
      logger,
      events,
      noHandleSignals: true,
      pollInterval: 2000,
    });
    await heartbeat.beat();
    return {
      stop: async () => {
        await runner.stop();
        await pgPool.end();
        await heartbeat.stop();
      },
      promise: runner.promise,
      workerIds: () => [...ids],
    };
  } catch (error) {
    await pgPool.end();
    await heartbeat.stop();
    throw error;
  }
}
