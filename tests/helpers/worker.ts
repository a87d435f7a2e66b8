import { Logger, runOnce, type TaskList } from "graphile-worker";
import pg from "pg";
import { taskList } from "@/lib/background/worker";

/** Expected failures (an event retried later) would only add noise to the test output. */
const quiet = new Logger(() => () => {});

/**
 * Runs, with the real worker tasks, every queued job of the given tasks until none is left
 * (jobs of other tasks, e.g. email delivery, stay queued). Returns nothing: assert on the data.
 *
 * The pool is ours and is ended before this returns: a pool left closing in the background could
 * still hold a connection when the file's database is dropped, and the server's "terminating
 * connection" would then surface as an uncaught error in some later test.
 */
export async function runQueuedJobs(tasks: string[]): Promise<void> {
  const subset: TaskList = Object.fromEntries(tasks.map((name) => {
    const task = taskList[name];
    if (!task) throw new Error(`no task ${name}`);
    return [name, task];
  }));
  const pgPool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
  pgPool.on("error", () => {}); // an idle connection cut by the server: the next query reconnects
  try {
    await runOnce({ pgPool, taskList: subset, noHandleSignals: true, logger: quiet });
  } finally {
    await pgPool.end();
  }
}
