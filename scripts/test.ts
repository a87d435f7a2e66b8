import "./lib/node-version";
/**
 * `npm test`: the whole suite, as Vitest runs side by side — unit + integration (their files in
 * parallel) and the e2e journeys in E2E_SHARDS shards (default 2), each shard a Vitest run with an
 * app of its own (tests/e2e/global-setup.ts) taking its files one at a time: the journeys mostly
 * wait on the app and the browser, so they overlap each other and the database tests. Arguments go
 * to every run (`npm test -- tests/unit/dates.test.ts`); a run with no matching file passes. Exits
 * with the first failing run's code.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureFreshBuild } from "./lib/fresh-build";

const root = path.resolve(import.meta.dirname, "..");
const vitest = path.join(root, "node_modules/vitest/vitest.mjs");
const extra = process.argv.slice(2);

const shards = Math.max(1, Number.parseInt(process.env.E2E_SHARDS ?? "2", 10) || 1);
// The e2e shards are chains of journeys, one file after the other: they get the cores first, and
// the unit and integration files, which can run two at a time, take what is left (`nice`), so
// that all the runs end together instead of a lone run at the end.
const runs = [
  { label: "unit+integration", args: ["--project", "unit", "--project", "integration*"], niceness: 10 },
  ...Array.from({ length: shards }, (_, index) =>
    shards === 1 ? { label: "e2e", args: ["--project", "e2e"], niceness: 0 } : { label: `e2e ${index + 1}/${shards}`, args: ["--project", "e2e", `--shard=${index + 1}/${shards}`], niceness: 0 },
  ),
];

// The shards share one production build: make it now, not in each of them at once. Not for a run
// of named files none of which is a journey, nor where there is no browser to run them.
const named = extra.filter((arg) => !arg.startsWith("-"));
const e2eAsked = named.length === 0 || named.some((arg) => arg.includes("e2e"));
if (e2eAsked && existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) ensureFreshBuild();

function run({ label, args, niceness }: (typeof runs)[number]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, "run", "--passWithNoTests", ...args, ...extra], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: process.env });
    // Before it starts its workers and database, which inherit it.
    if (niceness && child.pid) os.setPriority(child.pid, niceness);
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
