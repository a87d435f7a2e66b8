import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const root = path.resolve(import.meta.dirname, "../..");
/** tsx's loader, by absolute URL (a script may run from another working directory). */
const tsx = pathToFileURL(path.join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;

/** Starts one of our scripts (`scripts/<name>.ts`) as its own process, through tsx's loader: its pid is the script's. */
export function spawnScript(name: string, args: string[], env: Record<string, string | undefined>, cwd = root): ChildProcess {
  return spawn(process.execPath, ["--import", tsx, path.join(root, "scripts", `${name}.ts`), ...args], {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    // Only what the test gives (and PATH): nothing of the test process's own environment leaks in.
    env: { PATH: process.env.PATH, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json"), ...env } as unknown as NodeJS.ProcessEnv,
  });
}

/** Runs a script to its end; its output and exit code. */
export async function runScript(
  name: string,
  args: string[],
  env: Record<string, string | undefined>,
  cwd = root,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnScript(name, args, env, cwd);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", (exitCode) => resolve(exitCode)));
  return { code, stdout, stderr };
}
