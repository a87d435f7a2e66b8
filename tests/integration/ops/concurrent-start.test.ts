import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { closeDb } from "@/db/client";
import { databaseUrl } from "@/scripts/lib/embedded-postgres";
import { prepareDatabase } from "@/scripts/lib/prepare-database";

const serverUrl = inject("testServerUrl");
const name = `t_${process.ppid}_fresh_${randomBytes(4).toString("hex")}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
const fileDatabaseUrl = process.env.DATABASE_URL;

afterAll(async () => {
  await closeDb();
  process.env.DATABASE_URL = fileDatabaseUrl;
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end({ timeout: 5 });
});

describe("four processes starting at once", () => {
  it("migrate and seed an empty database without tripping over each other (advisory lock)", { timeout: 120_000 }, async () => {
    await admin.unsafe(`create database "${name}"`);
    const url = databaseUrl(serverUrl, name);
    await closeDb();
    process.env.DATABASE_URL = url;
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => prepareDatabase({ ownerUrl: url, runtimeRole: null }, { demo: true })));
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual(["ok", "ok", "ok", "ok"]);
    expect(results.map((r) => r.status === "fulfilled" && r.value.demoLoaded).filter(Boolean)).toEqual([true]);

    const check = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const [counts] = await check<{ users: number; contracts: number }[]>`
        select (select count(*)::int from users) as users, (select count(*)::int from contracts) as contracts`;
      expect(counts).toEqual({ users: 6, contracts: 1 });
    } finally {
      await check.end({ timeout: 5 });
    }
  });
});
