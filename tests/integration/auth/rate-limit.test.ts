import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { allowSignInRequest } from "@/lib/auth/sign-in-request";
import { resetEnvCache } from "@/lib/env";

afterEach(() => {
  delete process.env.SIGNIN_LIMIT_PER_EMAIL;
  delete process.env.SIGNIN_LIMIT_PER_IP;
  resetEnvCache();
});

describe("magic-link rate limits", () => {
  it("allows five links per address and hour, then refuses (counters in PostgreSQL)", async () => {
    const verdicts = [];
    for (let i = 0; i < 6; i++) verdicts.push(await allowSignInRequest({ email: "claire@example.test", ip: `10.0.0.${i}` }));
    expect(verdicts.map((v) => v.ok)).toEqual([true, true, true, true, true, false]);
    expect(verdicts[5]).toEqual({ ok: false, error: "rate_limited" });
    // Another address is not affected.
    expect((await allowSignInRequest({ email: "julien@example.test", ip: "10.0.0.9" })).ok).toBe(true);
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from rate_limit_buckets`);
    expect(Number(row?.n)).toBeGreaterThan(0);
  });

  it("limits one IP address across many email addresses", async () => {
    process.env.SIGNIN_LIMIT_PER_IP = "3";
    resetEnvCache();
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await allowSignInRequest({ email: `spray${i}@example.test`, ip: "203.0.113.7" })).ok);
    expect(results).toEqual([true, true, true, false]);
    expect((await allowSignInRequest({ email: "other@example.test", ip: "203.0.113.8" })).ok).toBe(true);
  });

  it("counts concurrent hits exactly", async () => {
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(db, "concurrent", 10, 3600)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    expect(verdicts.map((v) => v.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(verdicts.every((v) => v.retryAfterSeconds > 0 && v.retryAfterSeconds <= 3600)).toBe(true);
  });
});
