/**
 * Makes this process stop when the process that started it is gone, even after a `kill -9`
 * (Linux has no PR_SET_PDEATHSIG from Node). Preloaded into the Next.js child by the launcher
 * (`node --import …/die-with-parent.mjs`) and imported by the launcher and the worker
 * themselves. Once the parent is gone, this process sends itself SIGTERM (its own graceful stop),
 * and exits for good 10 s later.
 */
import { readFileSync } from "node:fs";

const parent = process.ppid;

/** The current parent pid on Linux (process.ppid is read once at start); null elsewhere. */
function currentParent() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

function parentAlive() {
  const now = currentParent();
  if (now !== null) return now === parent;
  try {
    process.kill(parent, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

const timer = setInterval(() => {
  if (parentAlive()) return;
  clearInterval(timer);
  console.error(`[compagnon] parent process ${parent} is gone: stopping`);
  setTimeout(() => process.exit(1), 10_000).unref();
  process.kill(process.pid, "SIGTERM");
}, 500);
timer.unref();
