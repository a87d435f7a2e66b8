/**
 * `npm run doctor`: checks a production installation and prints a ✓/⚠/✗ table, with what to do
 * for each ✗ and ⚠: configuration (what `npm start` refuses), database (reachable, version),
 * clock (against the database's), migrations at this build's head, worker heartbeat, queues,
 * mail provider, Stripe keys and webhook secret, storage (S3 write, or disk free). Reads .env like
 * every entry point. Exit code 1 when anything is ✗, 0 otherwise (warnings allowed).
 */
import "./lib/node-version"; // first: refuses an unsupported Node.js before anything else runs
import "./lib/load-env";
import postgres from "postgres";
import { configurationRows, databaseRows, formatReport, mailRows, stripeRows, storageRows, type Row } from "../lib/observability/doctor";

async function main(): Promise<number> {
  const rows: Row[] = [...configurationRows(process.env)];
  const url = process.env.DATABASE_URL;
  if (url) {
    const sql = postgres(url, { max: 1, connect_timeout: 5, idle_timeout: 1, onnotice: () => {} });
    try {
      rows.push(...(await databaseRows(sql)));
    } finally {
      await sql.end({ timeout: 2 }).catch(() => {});
    }
  } else {
    rows.push({ status: "fail", check: "database", detail: "not checked: DATABASE_URL is not set", fix: "set DATABASE_URL in .env" });
  }
  rows.push(...mailRows(process.env), ...stripeRows(process.env), ...(await storageRows(process.env)));
  console.log(formatReport(rows));
  return rows.some((row) => row.status === "fail") ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("doctor failed:", error);
    process.exit(1);
  },
);
