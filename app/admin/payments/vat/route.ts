import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { csvResponse } from "@/lib/export/csv";
import { vatSummaryCsv } from "@/lib/payments/vat-summary";

/** The month's VAT summary (`?month=YYYY-MM`, Paris months) as a CSV, for admins only. */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  try {
    const { month, csv } = await vatSummaryCsv(actor, { month: new URL(request.url).searchParams.get("month") });
    return csvResponse(csv, `tva_${month}.csv`);
  } catch (error) {
    if (error instanceof PolicyError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
