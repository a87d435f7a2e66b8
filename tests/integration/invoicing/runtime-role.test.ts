/**
 * The app's runtime role (compagnon_app) owns nothing: connected as it, the normal flows work
 * (issuing under concurrency, the worker storing the files) and rewriting the records fails.
 * This file runs the whole app as that role (DATABASE_URL swapped before anything connects);
 * the other integration files connect as the superuser to set up and inspect any table.
 */
import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_RUNTIME_ROLE, runtimeRoleProblems, urlAsRole } from "@/db/roles";

const ownerUrl = process.env.DATABASE_URL ?? "";
process.env.DATABASE_URL = urlAsRole(ownerUrl, DEFAULT_RUNTIME_ROLE, inject("testRuntimePassword"));

const { db, sqlClient } = await import("@/db/client");
const { invoices, invoiceSeries, ledgerEntries } = await import("@/db/schema");
const { approveMilestone, markDelivered } = await import("@/lib/payments/delivery");
const { verifyInvoices } = await import("@/lib/invoicing/verify");
const { fundMilestone, makeActiveContract } = await import("../../helpers/contracts");
const { runQueuedJobs } = await import("../../helpers/worker");
const { readiness } = await import("@/lib/health");

const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
afterAll(() => owner.end({ timeout: 5 }));

async function releasedInvoices(count: number) {
  const milestones = Array.from({ length: count }, (_, i) => ({ title: `Étape ${i + 1}`, amount: "100", dueOn: `2027-03-${String(i + 1).padStart(2, "0")}` }));
  const contract = await makeActiveContract({ bid: { total: String(100 * count), milestones } });
  for (const milestoneId of contract.milestoneIds) {
    await fundMilestone(contract.owner, milestoneId);
    expect((await markDelivered(contract.expert, { milestoneId, note: "Étape livrée et vérifiée ensemble." })).ok).toBe(true);
  }
  const results = await Promise.all(contract.milestoneIds.map((milestoneId) => approveMilestone(contract.owner, { milestoneId })));
  expect(results.every((result) => result.ok)).toBe(true);
  return contract;
}

/** The statement fails with PostgreSQL's "insufficient privilege" (or "must be owner"). */
async function refused(statement: string) {
  const error = await sqlClient()
    .unsafe(statement)
    .then(() => null, (caught: unknown) => caught);
  expect(error, statement).toBeInstanceOf(postgres.PostgresError);
  expect((error as postgres.PostgresError).code, statement).toBe("42501");
}

describe("the runtime role compagnon_app", () => {
  it("issues invoices under concurrency and stores their files, with a gap-free numbering and an intact chain", { timeout: 120_000 }, async () => {
    const [connected] = await sqlClient()<{ user: string }[]>`select current_user as user`;
    expect(connected?.user).toBe(DEFAULT_RUNTIME_ROLE);
    const { expert } = await releasedInvoices(5);
    await runQueuedJobs(["render_invoice"]);
    const service = await db.select().from(invoices).where(and(eq(invoices.expertUserId, expert.id), eq(invoices.role, "service")));
    expect(service.map((row) => row.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(service.every((row) => row.pdfKey && row.xmlKey && row.chainHash)).toBe(true);
    expect(await verifyInvoices(db)).toMatchObject({ documents: 10, unsealed: 0, problems: [] });
    expect(await runtimeRoleProblems(sqlClient())).toEqual([]);
    // Readiness reads the applied migrations: the runtime role may.
    expect(await readiness()).toMatchObject({ db: "ok", migrations: "ok" });
  });

  it("cannot truncate, alter, disable triggers, renumber, edit or delete invoices, the series or the ledger", async () => {
    await releasedInvoices(1);
    const before = await owner`select (select count(*)::int from invoices) as invoices, (select count(*)::int from ledger_entries) as ledger, (select sum(last_number)::int from invoice_series) as numbers`;
    await refused("truncate invoices cascade");
    await refused("truncate ledger_entries");
    await refused("truncate invoice_series");
    await refused("alter table invoices disable trigger all");
    await refused("alter table invoices disable trigger invoices_immutable");
    await refused("drop trigger invoices_immutable on invoices");
    await refused("update invoice_series set last_number = last_number + 5");
    await refused("insert into invoice_series (key, year, last_number) values ('F:FORGED', 2026, 41)");
    await refused("delete from invoice_series");
    await refused("update invoices set ex_vat_cents = 1");
    await refused("update invoices set chain_hash = null");
    await refused("delete from invoices");
    await refused("update ledger_entries set amount_cents = 0");
    await refused("delete from ledger_entries");
    await refused("create table forged (id int)");
    await refused("create or replace function allocate_invoice_number(p_key text, p_year integer) returns integer language sql as 'select 1'");
    const after = await owner`select (select count(*)::int from invoices) as invoices, (select count(*)::int from ledger_entries) as ledger, (select sum(last_number)::int from invoice_series) as numbers`;
    expect(after).toEqual(before);
    // Only the controlled increment, and not past a number that was never issued.
    const [series] = await db.select().from(invoiceSeries).limit(1);
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`select allocate_invoice_number(${series!.key}, ${series!.year})`);
        await tx.execute(sql`select allocate_invoice_number(${series!.key}, ${series!.year})`);
      }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/is allocated but not issued/) } });
    expect((await db.select().from(ledgerEntries)).length).toBe(before[0]!.ledger);
    // Nor insert a document under a number its series did not allocate.
    const [issued] = await db.select().from(invoices).limit(1);
    await expect(db.insert(invoices).values({ ...issued!, id: undefined, sequence: issued!.sequence + 100, number: `${issued!.number}-forged` })).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/does not carry the number its series allocated/) },
    });
  });

  it("the superuser or an owner is reported as a wrong runtime role", async () => {
    expect(await runtimeRoleProblems(owner)).toEqual([expect.stringMatching(/a superuser: it could TRUNCATE invoices/), expect.stringMatching(/owns \d+ tables/)]);
  });
});
