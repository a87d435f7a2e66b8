import { describe, expect, it } from "vitest";
import { backupName, clientConnection } from "@/scripts/lib/backups/backup";
import { clientProblem, parseClientMajor } from "@/scripts/lib/backups/pg-tools";

describe("backup tools", () => {
  it("reads the client's major version", () => {
    expect(parseClientMajor("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n")).toBe(15);
    expect(parseClientMajor("pg_restore (PostgreSQL) 17.6")).toBe(17);
    expect(parseClientMajor("something else 1.2")).toBeNull();
  });

  it("accepts a client as new as the server, refuses an older one in one line", () => {
    expect(clientProblem("pg_dump", 15, 15)).toBeNull();
    expect(clientProblem("pg_dump", 17, 15)).toBeNull();
    expect(clientProblem("pg_dump", 15, 17)).toBe(
      "pg_dump 15 is older than the PostgreSQL 17 server: install postgresql-client-17 and set PG_BIN_DIR=/usr/lib/postgresql/17/bin.",
    );
    expect(clientProblem("pg_restore", 14, 15)).toMatch(/^pg_restore 14 is too old: install the PostgreSQL client 15 or newer/);
  });

  it("keeps the password out of the command line", () => {
    const { dbname, env } = clientConnection("postgres://app:s%40cret@db.internal:5432/compagnon?sslmode=require");
    expect(dbname).toBe("postgres://app@db.internal:5432/compagnon?sslmode=require");
    expect(env.PGPASSWORD).toBe("s@cret");
  });

  it("names a backup by its UTC time", () => {
    expect(backupName(new Date("2026-12-05T03:15:42.123Z"))).toBe("compagnon-20261205T031542Z");
  });
});
