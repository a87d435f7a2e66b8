import type { Task } from "graphile-worker";
import { z } from "zod";
import { SEND_REPORT_TASK } from "./reports";
import { sendEinvoiceReport } from "./send-report";

export { SEND_REPORT_TASK };

const payload = z.object({ reportId: z.uuid() });

/** The worker's task for one e-report (registered in the worker's task list). */
export const sendEinvoiceReportTask: Task = async (raw, helpers) => {
  const { reportId } = payload.parse(raw);
  const outcome = await sendEinvoiceReport(reportId, { isLastAttempt: helpers.job.attempts >= helpers.job.max_attempts });
  helpers.logger.info(`e-report ${reportId}: ${outcome}`);
};
