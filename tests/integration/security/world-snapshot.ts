/**
 * One world, made once, then a copy of the whole database for every call that must start from
 * it (PostgreSQL's `create database … template`): far faster than making the world again, and
 * no call sees what another one did. The app's client follows DATABASE_URL (db/client.ts).
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { closeDb } from "@/db/client";
import { databaseUrl } from "../../../scripts/lib/embedded-postgres";
import type { World } from "./action-world";

export class WorldSnapshot {
  private readonly copies: string[] = [];

  private constructor(
    private readonly server: postgres.Sql,
    private readonly serverUrl: string,
    private readonly template: string,
    private readonly originalUrl: string,
    private readonly world: World,
  ) {}

  /** Makes the world in this test file's database, which then stays as it is: the template. */
  static async take(make: () => Promise<World>): Promise<WorldSnapshot> {
    const originalUrl = process.env.DATABASE_URL!;
    const world = await make();
    await closeDb();
    const serverUrl = inject("testServerUrl");
    const server = postgres(serverUrl, { max: 1, onnotice: () => {} });
    return new WorldSnapshot(server, serverUrl, new URL(originalUrl).pathname.slice(1), originalUrl, world);
  }

  /** A fresh copy of the world's database, now the app's; the world's ids are valid in it. */
  async fresh(): Promise<World> {
    await closeDb();
    await this.dropCopies();
    // Named like the file databases, so that the run's teardown drops any a crash left behind.
    const name = `t_${process.ppid}_w${randomBytes(5).toString("hex")}`;
    await this.server.unsafe(`create database "${name}" template "${this.template}"`);
    this.copies.push(name);
    process.env.DATABASE_URL = databaseUrl(this.serverUrl, name);
    return structuredClone(this.world);
  }

  private async dropCopies() {
    for (const name of this.copies.splice(0)) await this.server.unsafe(`drop database if exists "${name}" with (force)`);
  }

  /** Back to the test file's own database (dropped by the file's teardown). */
  async close(): Promise<void> {
    await closeDb();
    await this.dropCopies();
    await this.server.end({ timeout: 5 });
    process.env.DATABASE_URL = this.originalUrl;
  }
}
