/** The benchmark's measuring tools: an autocannon run, statements per request, peak RSS. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import autocannon from "autocannon";

export interface Run {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** `connections` clients hammering `url` for `seconds`; errors are failures and non-2xx answers. */
export async function hammer(url: string, seconds: number, connections = 10): Promise<Run> {
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * Statements the app sent per request of `url`, from the counter file the app writes
 * (db/client.ts). `headers` (an unknown cookie) make a public page render instead of coming
 * from the public-page cache, so that what a render costs is counted.
 */
export async function statementsPerRequest(url: string, counterFile: string, requests = 10, headers: Record<string, string> = {}): Promise<number> {
  const read = () => (existsSync(counterFile) ? Number(readFileSync(counterFile, "utf8")) : 0);
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  // Until the count stands still for a second: a slow page still answers the requests a
  // warm-up left behind (autocannon stops waiting for them, the server does not).
  const settle = async () => {
    for (let last = -1, deadline = Date.now() + 30_000; Date.now() < deadline; ) {
      const now = read();
      if (now === last) return;
      last = now;
      await pause(1000);
    }
  };
  await settle();
  const before = read();
  for (let i = 0; i < requests; i++) await (await fetch(url, { headers })).arrayBuffer();
  await settle();
  return (read() - before) / requests;
}

/** The process ids under `pid` (children, grandchildren…). */
export function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync("pgrep", ["-P", String(pid)]).toString().trim().split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** Peak resident memory (VmHWM, MiB) of the process, or 0 when it is gone. */
export function peakRssMiB(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmHWM:"));
    return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Percentile `p` (0–100) of the values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
