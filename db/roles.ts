import postgres from "postgres";

/**
 * Two PostgreSQL roles: the owner (DATABASE_OWNER_URL) runs the migrations and owns every table;
 * the app connects at runtime (DATABASE_URL) as a role that owns nothing (compagnon_app): no DDL,
 * no TRUNCATE, no trigger to disable, and on the records kept ten years only what issuing needs —
 * invoices: SELECT, INSERT and setting the file keys once; ledger_entries: SELECT, INSERT;
 * invoice_series: SELECT, the next number through allocate_invoice_number (SECURITY DEFINER).
 */
export const DEFAULT_RUNTIME_ROLE = "compagnon_app";

/** The runtime role to grant to: DATABASE_URL's user when it differs from the owner's, else none. */
export function runtimeRoleOf(ownerUrl: string, runtimeUrl: string | undefined): string | null {
  if (!runtimeUrl) return null;
  const runtime = decodeURIComponent(new URL(runtimeUrl).username);
  const owner = decodeURIComponent(new URL(ownerUrl).username);
  return runtime && runtime !== owner ? runtime : null;
}

/** `url` with another user and password (the embedded demo and the tests derive the runtime URL so). */
export function urlAsRole(url: string, role: string, password: string): string {
  const next = new URL(url);
  next.username = encodeURIComponent(role);
  next.password = encodeURIComponent(password);
  return next.toString();
}

/**
 * Creates the runtime role (LOGIN, nothing else) or resets its password; needs a role with
 * CREATEROLE (the embedded demo's superuser, the test server's). In production the operator
 * creates it once (README, "Production"). Safe when several processes do it at once.
 */
export async function ensureRuntimeRole(adminUrl: string, role: string, password: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await sql`select 1 from pg_roles where rolname = ${role}`;
    if (!exists) {
      try {
        await sql.unsafe(`create role ${quoteIdent(role)} login nosuperuser nocreatedb nocreaterole noinherit nobypassrls password ${quoteLiteral(password)}`);
      } catch (error) {
        // Another process created it meanwhile (duplicate_object, or unique_violation in the catalogue).
        if (!(error instanceof postgres.PostgresError && ["42710", "23505"].includes(error.code))) throw error;
      }
    }
    // Two processes setting it at once (test runs side by side on one server): one of them is
    // told "tuple concurrently updated" (XX000); setting it again is then enough.
    for (let attempt = 1; ; attempt++) {
      try {
        await sql.unsafe(`alter role ${quoteIdent(role)} with login password ${quoteLiteral(password)}`);
        break;
      } catch (error) {
        if (attempt >= 3 || !(error instanceof postgres.PostgresError && error.code === "XX000")) throw error;
      }
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;
const quoteIdent = (value: string) => `"${value.replaceAll('"', '""')}"`;

/**
 * Grants the runtime role what the app and its worker need, and takes back what they must not
 * have; idempotent, run after every migration by the owner (db/migrate.ts). Default privileges
 * cover tables a later migration creates before this runs again.
 */
export async function grantRuntimeRole(ownerUrl: string, role: string): Promise<void> {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await sql`select 1 from pg_roles where rolname = ${role}`;
    if (!exists) {
      throw new Error(`the runtime role ${role} (DATABASE_URL's user) does not exist: create it first (README, "Production": create role ${role} login password '…')`);
    }
    const r = sql(role);
    await sql.begin(async (tx) => {
      const [current] = await tx<{ database: string }[]>`select current_database() as database`;
      await tx`grant connect, temporary on database ${tx(current!.database)} to ${r}`;
      for (const schema of ["public", "graphile_worker"]) {
        const s = tx(schema);
        await tx`grant usage on schema ${s} to ${r}`;
        await tx`grant select, insert, update, delete on all tables in schema ${s} to ${r}`;
        await tx`revoke truncate, references, trigger on all tables in schema ${s} from ${r}`;
        await tx`grant usage, select, update on all sequences in schema ${s} to ${r}`;
        await tx`alter default privileges in schema ${s} grant select, insert, update, delete on tables to ${r}`;
        await tx`alter default privileges in schema ${s} grant usage, select, update on sequences to ${r}`;
      }
      await tx`grant execute on all functions in schema graphile_worker to ${r}`;
      // /api/ready compares the applied migrations with the build's (read only).
      await tx`grant usage on schema drizzle to ${r}`;
      await tx`grant select on drizzle.__drizzle_migrations to ${r}`;
      // graphile-worker turns row security on for its tables with no policy: only their owner
      // sees rows. The runtime role gets a policy of its own on each (the queue is not evidence).
      const secured = await tx<{ table: string }[]>`
        select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'graphile_worker' and c.relkind = 'r' and c.relrowsecurity`;
      for (const { table } of secured) {
        const policy = tx(`${role}_all`);
        await tx`drop policy if exists ${policy} on graphile_worker.${tx(table)}`;
        await tx`create policy ${policy} on graphile_worker.${tx(table)} for all to ${r} using (true) with check (true)`;
      }
      // The records kept ten years.
      await tx`revoke update, delete on invoices, ledger_entries from ${r}`;
      await tx`revoke insert, update, delete on invoice_series from ${r}`;
      await tx`grant update (pdf_key, pdf_sha256, xml_key) on invoices to ${r}`;
      await tx`grant execute on function allocate_invoice_number(text, integer) to ${r}`;
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * What is wrong with the role the app is connected as (empty when it is a role that owns
 * nothing): for the production start and `doctor`. Runs on any connection of the runtime role.
 */
export async function runtimeRoleProblems(sql: postgres.Sql): Promise<string[]> {
  const problems: string[] = [];
  const [role] = await sql<{ name: string; superuser: boolean; createrole: boolean; bypassrls: boolean }[]>`
    select rolname as name, rolsuper as superuser, rolcreaterole as createrole, rolbypassrls as bypassrls
    from pg_roles where rolname = current_user`;
  if (!role) return ["cannot read the current role"];
  const fix = `connect as a role that owns nothing (${DEFAULT_RUNTIME_ROLE}) and run migrations with DATABASE_OWNER_URL (README, "Production")`;
  if (role.superuser) problems.push(`the app connects as ${role.name}, a superuser: it could TRUNCATE invoices or disable their triggers; ${fix}`);
  else if (role.createrole || role.bypassrls) problems.push(`the app's role ${role.name} can create roles or bypass row security; ${fix}`);
  const [owned] = await sql<{ count: number }[]>`
    select count(*)::int as count from pg_tables where schemaname in ('public', 'graphile_worker') and tableowner = current_user`;
  if (owned && owned.count > 0) problems.push(`the app's role ${role.name} owns ${owned.count} tables (it can alter them, drop their triggers); ${fix}`);
  const [rights] = await sql<{ invoices: boolean; ledger: boolean; series: boolean }[]>`
    select
      has_table_privilege('invoices', 'UPDATE') or has_table_privilege('invoices', 'DELETE') or has_table_privilege('invoices', 'TRUNCATE') as invoices,
      has_table_privilege('ledger_entries', 'UPDATE') or has_table_privilege('ledger_entries', 'DELETE') or has_table_privilege('ledger_entries', 'TRUNCATE') as ledger,
      has_table_privilege('invoice_series', 'UPDATE') or has_table_privilege('invoice_series', 'INSERT') as series`;
  if (!role.superuser && owned?.count === 0) {
    if (rights?.invoices) problems.push(`the app's role ${role.name} may UPDATE, DELETE or TRUNCATE invoices: run \`npm run db:migrate\` with DATABASE_OWNER_URL to reset its rights`);
    if (rights?.ledger) problems.push(`the app's role ${role.name} may UPDATE, DELETE or TRUNCATE ledger_entries: run \`npm run db:migrate\` with DATABASE_OWNER_URL to reset its rights`);
    if (rights?.series) problems.push(`the app's role ${role.name} may write invoice_series directly: run \`npm run db:migrate\` with DATABASE_OWNER_URL to reset its rights`);
  }
  return problems;
}
