import { describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { GET } from "@/app/api/health/route";
import { databaseIsUp } from "@/lib/health";

describe("databaseIsUp", () => {
  it("is true when PostgreSQL answers", async () => {
    expect(await databaseIsUp()).toBe(true);
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("is false when the database cannot be reached", async () => {
    const real = process.env.DATABASE_URL;
    await closeDb();
    process.env.DATABASE_URL = "postgres://nobody:wrong@127.0.0.1:1/none";
    try {
      expect(await databaseIsUp(3000)).toBe(false);
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ db: "down" });
    } finally {
      await closeDb();
      process.env.DATABASE_URL = real;
    }
  });
});
