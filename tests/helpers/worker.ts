import { Logger, runOnce, type TaskList } from "graphile-worker";
import { taskList } from "@/lib/background/worker";

/** Expected failures (an event retried later) would only add noise to the test output. */
const quiet = new Logger(() => () => {});

/**
 * Runs, with the real worker tasks, every queued job of the given tasks until none is left
 * (jobs of other tasks, e.g. email delivery, stay queued). Returns nothing: assert on the data.
 */
export async function runQueuedJobs(tasks: string[]): Promise<void> {
  const subset: TaskList = Object.fromEntries(tasks.map((name) => {
    const task = taskList[name];
    if (!task) throw new Error(`no task ${name}`);
    return [name, task];
  }));
  await runOnce({ connectionString: process.env.DATABASE_URL, taskList: subset, noHandleSignals: true, logger: quiet });
}
