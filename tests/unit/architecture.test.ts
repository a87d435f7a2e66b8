import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    return statSync(path.join(root, relative)).isDirectory() ? files(relative) : /\.(ts|tsx)$/.test(name) ? [relative] : [];
  });
}

/**
 * The layers are enforced by ESLint (eslint.config.mjs: eslint-plugin-boundaries and the rules of
 * eslint-rules/server-only.mjs), so that the editor shows a wrong import as it is typed. These
 * lint one made-up file per rule, so that a rule cannot vanish from the configuration unnoticed.
 */
describe("dependencies point one way (docs/architecture.md)", { timeout: 60_000 }, () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });
  const problems = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return (result?.messages ?? []).map((m) => `${m.line}: ${m.ruleId}`);
  };

  it("app, components and emails reach the database only through lib (types are fine)", async () => {
    const code = [
      'import { db } from "@/db/client";',
      'import type { JobKind } from "@/db/schema";',
      'import { eq } from "drizzle-orm";',
      'import type { SQL } from "drizzle-orm";',
      "export const used = [db, eq];",
      "export type Used = [JobKind, SQL];",
    ].join("\n");
    const expected = ["1: boundaries/dependencies", "3: @typescript-eslint/no-restricted-imports"];
    // db/client.ts is marked server-only too: components and emails hear it twice.
    const twice = ["1: layers/no-querying-import", ...expected];
    expect(await problems("components/jobs/Wrong.tsx", code)).toEqual(twice);
    expect(await problems("emails/WrongEmail.tsx", code)).toEqual(twice);
    expect(await problems("app/jobs/wrong/page.tsx", code)).toEqual(expected);
    expect(await problems("app/jobs/wrong/page.tsx", 'import { db } from "../../../db/client";\nexport const used = db;')).toEqual(["1: boundaries/dependencies"]);
  });

  it("components and emails import no module that queries: the page passes the data", async () => {
    const code = [
      'import { awaitsAcceptance, type ContractView } from "@/lib/contracts/queries";',
      'import type { Actor } from "@/lib/auth/actor";',
      'import { myDeclarationReminder } from "@/lib/dac7/declaration";',
      'import { isBlocking } from "@/lib/dac7/missing-data";',
      "export const used = [awaitsAcceptance, myDeclarationReminder, isBlocking];",
      "export type Used = [ContractView, Actor];",
    ].join("\n");
    const expected = ["1: layers/no-querying-import", "3: layers/no-querying-import"];
    expect(await problems("components/contracts/Wrong.tsx", code)).toEqual(expected);
    expect(await problems("emails/WrongEmail.tsx", code)).toEqual(expected);
    expect(await problems("app/contracts/wrong/page.tsx", code)).toEqual([]);
  });

  it("lib imports nothing from app or components, and db nothing from lib", async () => {
    expect(await problems("lib/jobs/wrong.ts", 'import { Alert } from "@/components/ui/Alert";\nimport { x } from "@/app/actions/session";\nexport const used = [Alert, x];')).toEqual([
      "1: boundaries/dependencies",
      "2: boundaries/dependencies",
    ]);
    expect(await problems("db/wrong.ts", 'import type { Actor } from "@/lib/auth/actor";\nexport type Used = Actor;')).toEqual(["1: boundaries/dependencies"]);
  });

  it('a module of lib that queries starts with import "server-only"', async () => {
    const body = 'import { eq } from "drizzle-orm";\nimport type { Executor } from "@/db/client";\nexport const used = eq;\nexport type Used = Executor;';
    expect(await problems("lib/jobs/wrong.ts", body)).toEqual(["1: layers/queries-are-server-only"]);
    expect(await problems("lib/jobs/right.ts", `import "server-only";\n${body}`)).toEqual([]);
    expect(await problems("lib/jobs/pure.ts", 'import type { SQL } from "drizzle-orm";\nexport type Used = SQL;')).toEqual([]);
  });
});

describe('"server-only" outside Next.js', { timeout: 60_000 }, () => {
  // Next.js resolves it on the server by itself; tsx (the scripts, the worker) reads tsconfig.json's
  // "paths", and Vitest its alias (vitest.config.ts). Without them, these modules throw when loaded.
  it("the scripts load the modules that query, through tsx", () => {
    const program = 'const [c, q] = await Promise.all([import("./db/client.ts"), import("./lib/contracts/queries.ts")]); console.log(typeof c.closeDb, typeof q.getContractView);';
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", program], { cwd: root, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe("function function");
  });
});

describe("what the browser loads", () => {
  it("never loads fonts or scripts from another host", () => {
    for (const file of [...files("app"), ...files("components")]) {
      const source = readFileSync(path.join(root, file), "utf8");
      expect(source, file).not.toMatch(/next\/font\/google|<script[^>]+src="https?:/);
    }
  });
});

// Loading the whole job runtime takes about 7 s on a busy 2-core machine: more than the default 5 s.
describe("worker tasks", { timeout: 30_000 }, () => {
  it("every task of the worker is registered at migration (no deadlock on a first queueing)", async () => {
    const { taskList } = await import("@/lib/jobs/worker");
    const { TASK_IDENTIFIERS } = await import("@/db/migrate");
    expect(Object.keys(taskList).sort()).toEqual([...TASK_IDENTIFIERS].sort());
  });
});
