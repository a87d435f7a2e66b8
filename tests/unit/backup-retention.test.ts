import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const script = path.resolve("deploy/backup-retention.sh");
const dir = mkdtempSync(path.join(os.tmpdir(), "compagnon-retention-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const backups = (folder: string) => readdirSync(folder).filter((name) => name.startsWith("compagnon-")).sort();

describe("deploy/backup-retention.sh", () => {
  it("keeps the 7 newest daily backups and the first backup of each of the 4 latest weeks", () => {
    // 40 nightly backups from 1 November 2026; the retention runs every fourth night (less than
    // the 7 kept, so no backup goes before it is seen: the same result as a run every night).
    for (let day = 0; day < 40; day++) {
      const date = new Date(Date.UTC(2026, 10, 1 + day, 3, 15));
      const name = `compagnon-${date.toISOString().slice(0, 10).replaceAll("-", "")}T031500Z`;
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, "database.dump"), name);
      if (day % 4 === 3) execFileSync("bash", [script, dir, "7", "4"]);
    }
    mkdirSync(path.join(dir, ".compagnon-20261211T031500Z.partial"));
    execFileSync("bash", [script, dir, "7", "4"]);

    expect(backups(dir)).toEqual([4, 5, 6, 7, 8, 9, 10].map((d) => `compagnon-202612${String(d).padStart(2, "0")}T031500Z`));
    // ISO weeks start on Monday: 16, 23 and 30 November, 7 December 2026.
    expect(backups(path.join(dir, "weekly"))).toEqual(["compagnon-20261116T031500Z", "compagnon-20261123T031500Z", "compagnon-20261130T031500Z", "compagnon-20261207T031500Z"]);
    expect(readdirSync(dir)).toContain(".compagnon-20261211T031500Z.partial");
  }, 60_000);
});
