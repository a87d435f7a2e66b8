import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { productionIdentity } from "@/tests/helpers/platform-identity";
import { runScript } from "@/tests/helpers/scripts";

/** A folder to start from: no build, maybe a .env; the launcher reads .env from its working directory. */
const cwd = mkdtempSync(path.join(os.tmpdir(), "compagnon-launcher-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const identity = Object.entries(productionIdentity)
  .map(([name, value]) => `${name}=${value}`)
  .join("\n");

describe("npm start in production refuses a bad configuration", () => {
  it("with nothing set: one line per problem, exit code 1, and no embedded PostgreSQL", { timeout: 60_000 }, async () => {
    const { code, stdout, stderr } = await runScript("start", [], {}, cwd);
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^\[compagnon\] WARNING: RESEND_API_KEY is not set: no email is sent/),
      expect.stringMatching(/^\[compagnon\] WARNING: STRIPE_SECRET_KEY is not set/),
      expect.stringMatching(/^\[compagnon\] DATABASE_URL is not set/),
      expect.stringMatching(/^\[compagnon\] APP_URL is not set/),
      expect.stringMatching(/^\[compagnon\] AUTH_SECRET is not set/),
      ...Object.keys(productionIdentity).map((name) => expect.stringMatching(new RegExp(`^\\[compagnon\\] ${name} is not set`))),
      expect.stringMatching(/^\[compagnon\] refusing to start in production/),
    ]);
    expect(stdout).not.toContain("embedded PostgreSQL");
  });

  it("reads .env, where the environment wins: a weak secret and an http APP_URL from the file are refused", { timeout: 60_000 }, async () => {
    writeFileSync(
      path.join(cwd, ".env"),
      [`DATABASE_URL=postgres://compagnon_app@127.0.0.1:1/none`, `DATABASE_OWNER_URL=postgres://nobody@127.0.0.1:1/none`, `APP_URL=https://compagnon.example.fr`, `AUTH_SECRET=${"a".repeat(32)}`, identity, "RESEND_API_KEY=re_x", "STRIPE_SECRET_KEY=sk_test_x", "STRIPE_WEBHOOK_SECRET=whsec_x"].join("\n"),
    );
    const { code, stderr } = await runScript("start", [], { APP_URL: "http://192.168.1.20:3000" }, cwd);
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      "[compagnon] APP_URL must start with https:// (it is http://192.168.1.20:3000); for a trial on a local network, set ALLOW_INSECURE_APP_URL=1",
      "[compagnon] AUTH_SECRET is too predictable (1 distinct characters): generate one with `openssl rand -base64 33`",
      expect.stringMatching(/^\[compagnon\] refusing to start in production/),
    ]);
  });

  it("passes the checks with a good .env (and then wants a build)", { timeout: 60_000 }, async () => {
    writeFileSync(
      path.join(cwd, ".env"),
      [`DATABASE_URL=postgres://nobody@127.0.0.1:1/none`, `APP_URL=https://compagnon.example.fr`, `AUTH_SECRET=3q2+7w8xN0vY5bZ4mKcP1sRt6uW9eL+gHhJiDoFaQkE=`, identity].join("\n"),
    );
    const { code, stderr } = await runScript("start", [], {}, cwd);
    expect(code).toBe(1);
    expect(stderr).toContain("[compagnon] WARNING: RESEND_API_KEY is not set");
    expect(stderr).not.toContain("refusing to start");
    expect(stderr).toContain("no production build found");
  });

  it("the worker refuses the same way", { timeout: 60_000 }, async () => {
    const { code, stderr } = await runScript("worker", [], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", APP_URL: "https://compagnon.example.fr", AUTH_SECRET: "too-short" }, cwd);
    expect(code).toBe(1);
    expect(stderr).toContain("[worker] AUTH_SECRET is too short (9 characters, at least 32)");
    expect(stderr).toContain("[worker] refusing to start in production");
  });
});
