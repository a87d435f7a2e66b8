import "./lib/node-version";
/**
 * `npm test`: the whole suite, as two Vitest runs side by side — unit + integration (their files
 * in parallel) and e2e (one file at a time against one app) — so the browser journeys, which
 * mostly wait on the app, overlap the database tests instead of following them. Arguments go to
 * both (`npm test -- tests/unit/dates.test.ts`); a run with no matching file passes. Exits with
 * the first failing run's code.
 */
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const vitest = path.join(root, "node_modules/vitest/vitest.mjs");
const extra = process.argv.slice(2);

const runs = [
  { label: "unit+integration", args: ["--project", "unit", "--project", "integration"] },
  { label: "e2e", args: ["--project", "e2e"] },
];

function run({ label, args }: (typeof runs)[number]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, "run", "--passWithNoTests", ...args, ...extra], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: process.env });
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const) {
      let pending = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        const lines = (pending + chunk).split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) out.write(`[${label}] ${line}\n`);
      });
      stream.on("end", () => {
        if (pending) out.write(`[${label}] ${pending}\n`);
      });
    }
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const stop = () => process.exit(130);
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

const codes = await Promise.all(runs.map(run));
for (const [index, code] of codes.entries()) console.log(`${runs[index]?.label}: ${code === 0 ? "passed" : `failed (exit code ${code})`}`);
process.exit(codes.find((code) => code !== 0) ?? 0);
