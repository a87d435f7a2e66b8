import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrateDatabase, migrationsFolder } from "@/db/migrate";
import { databaseUrl } from "@/scripts/lib/embedded-postgres";

/**
 * The database's own rules (triggers and functions: ledger, invoices, numbering) live in custom
 * migrations only (db/README.md), whose idempotent definitions give the same database whether it
 * is created today or was migrated before they moved there.
 */
const customFiles = readdirSync(migrationsFolder).filter((file) => /_custom_.*\.sql$/.test(file)).sort();
const customSql = customFiles.map((file) => readFileSync(path.join(migrationsFolder, file), "utf8"));
const statements = customSql.flatMap((text) => text.split("--> statement-breakpoint")).filter((s) => s.replace(/--.*$/gm, "").trim() !== "");

const serverUrl = inject("testServerUrl");
const upgraded = `t_${process.ppid}_upgrade_${randomBytes(4).toString("hex")}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
const fileDb = postgres(process.env.DATABASE_URL ?? "", { max: 1, onnotice: () => {} });
const scratch = mkdtempSync(path.join(os.tmpdir(), "compagnon-migrations-"));

afterAll(async () => {
  await fileDb.end({ timeout: 5 });
  await admin.unsafe(`drop database if exists "${upgraded}" with (force)`);
  await admin.end({ timeout: 5 });
  rmSync(scratch, { recursive: true, force: true });
});

/** Every function and trigger of the public schema (not an extension's), with its definition. */
async function rules(sql: postgres.Sql, withRights: boolean): Promise<Record<string, string>> {
  const rows = await sql<{ name: string; definition: string }[]>`
    select 'function ' || p.proname::text as name, pg_get_functiondef(p.oid) || case when ${withRights} then coalesce(p.proacl::text, '') else '' end as definition
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
    union all
    select 'trigger ' || t.tgname::text, pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and not t.tgisinternal
    order by 1`;
  return Object.fromEntries(rows.map((row) => [row.name, row.definition]));
}

describe("the database's own rules", () => {
  it("every function and trigger of the migrated database is defined in a custom migration", async () => {
    const names = Object.keys(await rules(fileDb, false));
    expect(names).toEqual(expect.arrayContaining(["trigger ledger_entries_balanced", "trigger invoices_immutable", "function allocate_invoice_number"]));
    const all = customSql.join("\n");
    const undefinedThere = names.filter((name) => {
      const [kind, bare] = name.split(" ") as [string, string];
      return kind === "function" ? !all.includes(`CREATE OR REPLACE FUNCTION "${bare}"`) : !new RegExp(`CREATE (CONSTRAINT )?TRIGGER "${bare}"`).test(all);
    });
    expect(undefinedThere).toEqual([]);
  });

  it("re-applying the custom migrations changes nothing (every statement is idempotent), rights included", async () => {
    const before = await rules(fileDb, true);
    await fileDb.begin(async (tx) => {
      for (const statement of statements) await tx.unsafe(statement);
    });
    expect(await rules(fileDb, true)).toEqual(before);
    await expect(fileDb`truncate ledger_entries`).rejects.toThrow(/never truncated/);
  });

  it("a database migrated before these migrations ends with the same rules, and its disputes keep their frozen status", { timeout: 60_000 }, async () => {
    // The migrations as they were before this change: everything before the dispute enum.
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
    const cut = journal.entries.findIndex((entry) => entry.tag.endsWith("_dispute_frozen_from_enum"));
    expect(cut).toBeGreaterThan(0);
    const old = journal.entries.slice(0, cut);
    mkdirSync(path.join(scratch, "meta"));
    writeFileSync(path.join(scratch, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: old }));
    for (const entry of old) copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(scratch, `${entry.tag}.sql`));

    await admin.unsafe(`create database "${upgraded}"`);
    const url = databaseUrl(serverUrl, upgraded);
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await migrate(drizzle(sql), { migrationsFolder: scratch });
      // A dispute of then, frozen_from still text (foreign keys off: only this row matters).
      await sql.begin(async (tx) => {
        await tx`set local session_replication_role = replica`;
        await tx`insert into disputes (milestone_id, contract_id, reason, frozen_from) values (gen_random_uuid(), gen_random_uuid(), 'quality', 'delivered')`;
      });

      await migrateDatabase(url);

      const [dispute] = await sql<{ frozenFrom: string; type: string }[]>`select frozen_from as "frozenFrom", pg_typeof(frozen_from)::text as type from disputes`;
      expect(dispute).toEqual({ frozenFrom: "delivered", type: "milestone_status" });
      expect(await rules(sql, false)).toEqual(await rules(fileDb, false));
      await expect(sql`update disputes set frozen_from = 'frozen'`).rejects.toThrow(/invalid input value for enum milestone_status/);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});
