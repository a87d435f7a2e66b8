import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";

/**
 * Every foreign key needs an index whose leading columns are the key's columns: without one,
 * a lookup by the parent (a contract's payments, a payment's refunds…) scans the whole table,
 * and deleting or updating a parent row scans the child table under lock.
 */
describe("foreign-key indexes", () => {
  it("every foreign key of the migrated schema is served by an index", async () => {
    const missing = await db.execute<{ constraint: string }>(sql`
      select c.conrelid::regclass::text || '(' || string_agg(a.attname, ', ' order by k.ord) || ') ' || c.conname as constraint
      from pg_constraint c
      join pg_namespace n on n.oid = c.connamespace and n.nspname = 'public'
      cross join lateral unnest(c.conkey) with ordinality as k(attnum, ord)
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
      where c.contype = 'f'
        and not exists (
          select 1 from pg_index i
          where i.indrelid = c.conrelid
            and i.indpred is null
            and (string_to_array(i.indkey::text, ' ')::int2[])[1:array_length(c.conkey, 1)] @> c.conkey
            and (string_to_array(i.indkey::text, ' ')::int2[])[1:array_length(c.conkey, 1)] <@ c.conkey
        )
      group by c.oid, c.conrelid, c.conname
      order by 1`);
    expect(missing.map((r) => r.constraint)).toEqual([]);
  });

  it("the check itself sees a foreign key without an index", async () => {
    await db.execute(sql`create table fk_probe_parent (id int primary key)`);
    await db.execute(sql`create table fk_probe_child (id int primary key, parent_id int references fk_probe_parent(id))`);
    const [row] = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from pg_constraint c
      where c.contype = 'f' and c.conrelid = 'fk_probe_child'::regclass
        and not exists (select 1 from pg_index i where i.indrelid = c.conrelid
          and (string_to_array(i.indkey::text, ' ')::int2[])[1:array_length(c.conkey, 1)] @> c.conkey)`);
    expect(row?.n).toBe(1);
  });
});
