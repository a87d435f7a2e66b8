import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { csvResponse } from "@/lib/export/csv";
import { invoicesCsv } from "@/lib/invoicing/accounting-csv";
import { csvFileName, parsePeriod, queryPeriod } from "../period";
import { searchParamsOf } from "@/lib/http/search-params";

/**
 * The accountant's CSV of the invoices the actor may see, for the period in `?from=&to=` (days,
 * both included, as on the invoices page; invalid dates give every invoice, as the page shows).
 */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const filter = parsePeriod(searchParamsOf(new URL(request.url).searchParams));
  let csv;
  try {
    csv = await invoicesCsv(actor, queryPeriod(filter));
  } catch (error) {
    if (error instanceof PolicyError) return new Response("Not found", { status: 404 });
    throw error;
  }
  return csvResponse(csv, csvFileName(filter));
}
