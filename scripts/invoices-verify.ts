/**
 * `npm run invoices:verify`: recomputes the hash chain of every invoice series and re-hashes
 * every stored invoice file (lib/invoicing/verify.ts). Exits 1 on any break, naming the document.
 * Needs DATABASE_URL (read access is enough) and the same file storage as the app.
 */
import "./lib/node-version"; // first: refuses an unsupported Node.js before anything else runs
import "./lib/load-env";
import { provideDatabase } from "./lib/database";

const database = await provideDatabase();
process.env.DATABASE_URL = database.url;
const { closeDb, db } = await import("../db/client");
const { verifyInvoices } = await import("../lib/invoicing/verify");
let code = 0;
try {
  const report = await verifyInvoices(db);
  for (const problem of report.problems) console.error(`[invoices:verify] BROKEN ${problem}`);
  const unsealed = report.unsealed ? `, ${report.unsealed} issued before the chain (numbering and PDF checked)` : "";
  console.log(`[invoices:verify] ${report.documents} documents in ${report.series} series${unsealed}: ${report.problems.length ? `${report.problems.length} problem(s)` : "intact"}`);
  code = report.problems.length ? 1 : 0;
} catch (error) {
  console.error("[invoices:verify] failed:", error);
  code = 2;
} finally {
  await closeDb();
  await database.stop();
}
process.exit(code);
