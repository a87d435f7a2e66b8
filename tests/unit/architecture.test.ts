import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    return statSync(path.join(root, relative)).isDirectory() ? files(relative) : /\.(ts|tsx)$/.test(name) ? [relative] : [];
  });
}

const imports = (file: string) =>
  [...readFileSync(path.join(root, file), "utf8").matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms)].map((m) => ({
    typeOnly: !!m[1],
    target: m[2] ?? "",
  }));

describe("dependencies point one way (DESIGN.md)", () => {
  it("components, emails and app reach the database only through lib/", () => {
    for (const file of [...files("components"), ...files("emails"), ...files("app")]) {
      const bad = imports(file).filter((i) => !i.typeOnly && /^(@\/|(\.\.\/)+)db(\/|$)/.test(i.target));
      expect(bad, file).toEqual([]);
    }
  });

  it("lib imports nothing from app or components, and db imports nothing from lib", () => {
    for (const file of files("lib")) {
      expect(imports(file).filter((i) => /^@\/(app|components)\//.test(i.target)), file).toEqual([]);
    }
    for (const file of files("db")) {
      expect(imports(file).filter((i) => /^(@\/|(\.\.\/)+)lib\//.test(i.target)), file).toEqual([]);
    }
  });

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
    const { taskList } = await import("@/lib/background/worker");
    const { TASK_IDENTIFIERS } = await import("@/db/migrate");
    expect(Object.keys(taskList).sort()).toEqual([...TASK_IDENTIFIERS].sort());
  });
});
