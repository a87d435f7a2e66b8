import { execFileSync, spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { unsupportedNodeMessage } from "../../scripts/lib/node-version";

const root = path.resolve(import.meta.dirname, "../..");
const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const refusal = /^Compagnon needs Node\.js 24 LTS \(22 LTS from 22\.12 also works\), not Node\.js [\d.]+: see "Requirements" in README\.md\.$/;

/** Runs `args` with the `node` binary given, without DATABASE_URL, and returns its exit code and output. */
function run(node: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  const result = spawnSync(node, args, { cwd: root, env, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The first `node` on PATH whose version the check refuses (the machine's Node 20 here and in CI). */
function unsupportedNodeOnPath(): { node: string; version: string } | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const node = path.join(dir, "node");
    try {
      accessSync(node, constants.X_OK);
    } catch {
      continue;
    }
    const version = execFileSync(node, ["-v"], { encoding: "utf8" }).trim();
    if (unsupportedNodeMessage(version) !== null) return { node, version };
  }
  return undefined;
}

describe("supported Node.js versions", () => {
  it.each(["24.0.0", "24.22.3", "v24.22.3", "22.12.0", "22.23.5"])("accepts %s", (version) => {
    expect(unsupportedNodeMessage(version)).toBeNull();
  });

  it.each(["20.9.0", "20.20.2", "v20.20.2", "21.7.3", "22.11.0", "23.11.1", "25.0.0", "26.10.0", "18.20.8", "", "x"])(
    "refuses %s",
    (version) => {
      expect(unsupportedNodeMessage(version)).toMatch(/^Compagnon needs Node\.js 24 LTS/);
    },
  );

  it("names the refused version in one line", () => {
    expect(unsupportedNodeMessage("v20.20.2")).toMatch(refusal);
    expect(unsupportedNodeMessage("v20.20.2")).toContain("not Node.js 20.20.2:");
  });
});

describe("the entry scripts' check", { timeout: 60_000 }, () => {
  it("prints one line and exits with code 1 for an unsupported version", () => {
    const program = [
      `import { exitIfUnsupportedNode } from "./scripts/lib/node-version.ts";`,
      `exitIfUnsupportedNode("20.20.2");`,
      `console.log("still running");`,
    ].join("\n");
    const result = run(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", program]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(refusal)]);
  });

  it("lets an entry script run on this Node.js", () => {
    // The worker stops at once without DATABASE_URL, after the version check.
    const result = run(process.execPath, [tsxCli, "scripts/worker.ts"]);
    expect(result.stderr).toContain("DATABASE_URL is required");
    expect(result.code).toBe(2);
  });

  const old = unsupportedNodeOnPath();
  it.skipIf(!old)(`refuses to start the worker on the machine's ${old?.version ?? "(no unsupported Node.js on PATH)"}`, () => {
    const result = run(old!.node, [tsxCli, "scripts/worker.ts"]);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual([unsupportedNodeMessage(old!.version)]);
  });
});
