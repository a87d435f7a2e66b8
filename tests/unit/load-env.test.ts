import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadEnvFiles } from "../../scripts/lib/load-env";

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "compagnon-env-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("loadEnvFiles", () => {
  it("reads .env; the real environment wins, .env.local wins over .env, an empty value means unset", () => {
    const dir = folder({
      ".env": 'APP_URL=https://from-env-file.example\nAUTH_SECRET="quoted # not a comment"\nPORT=4000\nRESEND_API_KEY=\n# comment\n',
      ".env.local": "PORT=5000\n",
    });
    const target: Record<string, string | undefined> = { APP_URL: "https://from-environment.example", STRIPE_SECRET_KEY: "" };
    expect(loadEnvFiles(dir, target)).toEqual([path.join(dir, ".env.local"), path.join(dir, ".env")]);
    expect(target).toEqual({
      APP_URL: "https://from-environment.example",
      AUTH_SECRET: "quoted # not a comment",
      PORT: "5000",
      STRIPE_SECRET_KEY: "",
    });
  });

  it("does nothing without files", () => {
    const target: Record<string, string | undefined> = {};
    expect(loadEnvFiles(folder({}), target)).toEqual([]);
    expect(target).toEqual({});
  });

  it("comes right after the Node.js version check in every entry point, so that no module reads the environment before it", () => {
    for (const script of ["start", "worker", "migrate", "seed", "admin-create", "backup", "restore"]) {
      const source = readFileSync(path.join(import.meta.dirname, "../../scripts", `${script}.ts`), "utf8");
      const imports = [...source.matchAll(/^import .*$/gm)].map((m) => m[0]);
      const [first, second] = imports[0]?.startsWith('import "./lib/node-version"') ? imports : ["", ...imports];
      expect(second, script).toBe('import "./lib/load-env";');
      expect(first === "" || first!.startsWith('import "./lib/node-version";'), script).toBe(true);
    }
  });
});
