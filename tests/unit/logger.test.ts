import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, logLevel, pathOnly, routeConsoleToLogger } from "@/lib/observability/logger";
import { openRequestContext, runInRequestContext } from "@/lib/observability/request-context";
import { isWellFormedRequestId, requestIdFor } from "@/lib/observability/request-id";

/** A logger writing into an array of parsed lines. */
function capture(level = "info") {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString());
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ component: "test" }, stream, level), lines, raw };
}

describe("the logger", () => {
  it("writes one JSON object per line with an ISO time, the level's name and the fields", () => {
    const { logger, lines } = capture();
    logger.info({ requestId: "r-12345678", route: "/contracts/[id]", status: 200, durationMs: 12.5, userId: "u1" }, "GET /contracts/x");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", component: "test", requestId: "r-12345678", status: 200, durationMs: 12.5, userId: "u1", msg: "GET /contracts/x" });
    expect(new Date(String(lines[0]?.time)).toISOString()).toBe(lines[0]?.time);
  });

  it("never writes tokens, emails, cookies, authorization, passwords, query strings, bodies or SQL parameters", () => {
    const { logger, raw } = capture();
    logger.info({
      token: "tok-secret-1",
      email: "claire@example.test",
      user: { email: "paul@example.test", id: "u1" },
      headers: { cookie: "authjs.session-token=abc123", authorization: "Bearer sk_live_zzz", "set-cookie": "x=cookie-value" },
      query: "?token=tok-secret-2",
      body: { password: "hunter2-secret" },
      err: Object.assign(new Error("duplicate key"), { parameters: ["bob@example.test"], detail: "Key (email)=(bob@example.test) already exists." }),
      payload: { outboxId: "o1", to: "anne@example.test" },
    });
    const text = raw.join("");
    for (const secret of ["tok-secret-1", "claire@", "paul@", "abc123", "sk_live_zzz", "cookie-value", "tok-secret-2", "hunter2", "bob@", "anne@"]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("[redacted]");
    expect(text).toContain('"id":"u1"');
    expect(text).toContain("duplicate key");
  });

  it("takes a failed query's parameters out of an error's message and stack (Drizzle writes them there)", () => {
    const { logger, raw } = capture();
    const error = Object.assign(new Error('Failed query: select * from users where email = $1\nparams: claire@example.test,tok-secret-3'), {
      params: ["claire@example.test"],
    });
    logger.error({ err: error }, "unexpected error");
    const text = raw.join("");
    expect(text).not.toContain("claire@");
    expect(text).not.toContain("tok-secret-3");
    expect(text).toContain("Failed query: select * from users where email = $1");
  });

  it("follows LOG_LEVEL: an unknown value means info, silent writes nothing", () => {
    expect(logLevel(undefined)).toBe("info");
    expect(logLevel("WARN")).toBe("warn");
    expect(logLevel("verbose")).toBe("info");
    const quiet = capture("warn");
    quiet.logger.info("not written");
    quiet.logger.warn("written");
    expect(quiet.lines.map((line) => line.msg)).toEqual(["written"]);
    const silent = capture(logLevel("silent"));
    silent.logger.error("nothing");
    expect(silent.lines).toEqual([]);
  });

  it("writes the request's id (and user) on every line written while the request is handled, the line's own fields first", async () => {
    const { logger, lines } = capture();
    const headers: Record<string, string> = {};
    const { context, close } = openRequestContext(headers);
    expect(headers["x-compagnon-log-slot"]).toMatch(/^[0-9a-f-]{36}$/);
    await runInRequestContext(context, async () => {
      context.requestId = "req-0123456789";
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.error("inside");
      context.userId = "u-42";
      logger.info({ requestId: "explicit-id" }, "own id");
    });
    close();
    logger.info("outside");
    expect(lines.map((line) => [line.msg, line.requestId, line.userId])).toEqual([
      ["inside", "req-0123456789", undefined],
      ["own id", "explicit-id", "u-42"],
      ["outside", undefined, undefined],
    ]);
  });

  it("keeps only the path of a URL, and hides an invitation's token", () => {
    expect(pathOnly("/api/auth/callback/email?token=abc&email=a%40b.fr")).toBe("/api/auth/callback/email");
    expect(pathOnly("/signin#x")).toBe("/signin");
    expect(pathOnly("/invitations/Zx9-secret-token")).toBe("/invitations/[token]");
    expect(pathOnly("/invitations/Zx9-secret-token/accept?x=1")).toBe("/invitations/[token]/accept");
    expect(pathOnly("/contracts/3f2a")).toBe("/contracts/3f2a");
  });

  it("can take over console.*: an Error becomes err, with its stack", () => {
    const { logger, lines } = capture("debug");
    const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
    try {
      routeConsoleToLogger(logger);
      console.log("plain", 42);
      console.error("[stripe] failed", new Error("boom"));
    } finally {
      Object.assign(console, saved);
    }
    expect(lines[0]).toMatchObject({ level: "info", msg: "plain 42" });
    expect(lines[1]).toMatchObject({ level: "error", msg: "[stripe] failed", err: { message: "boom", type: "Error" } });
    expect(String((lines[1]?.err as { stack: string }).stack)).toContain("logger.test.ts");
  });
});

describe("request ids", () => {
  it("keeps a well-formed id only from a trusted proxy, otherwise makes a random one", () => {
    expect(requestIdFor("nginx-0123456789abcdef", 1)).toBe("nginx-0123456789abcdef");
    const mine = requestIdFor("nginx-0123456789abcdef", 0);
    expect(mine).not.toBe("nginx-0123456789abcdef");
    expect(mine).toMatch(/^[0-9a-f-]{36}$/);
    for (const bad of ["short", "has space 123456", "x".repeat(129), "<script>alert(1)</script>", "a\nb-12345678"]) {
      expect(isWellFormedRequestId(bad)).toBe(false);
      expect(requestIdFor(bad, 1)).not.toBe(bad);
    }
    expect(requestIdFor(null, 1)).not.toBe(requestIdFor(null, 1));
  });
});
