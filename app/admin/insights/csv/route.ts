import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { csvResponse } from "@/lib/export/csv";
import { INSIGHT_DATASETS, insightsCsv, type InsightDataset } from "@/lib/insights/csv";
import { periodFrom } from "@/lib/insights/period";
import { searchParamsOf } from "@/lib/http/search-params";

/** `?dataset=money|liquidity|trust&period=…` (money by default): one table of /admin/insights as a CSV, for admins only. */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const params = searchParamsOf(new URL(request.url).searchParams);
  const asked = params.dataset ?? "money";
  const dataset = (INSIGHT_DATASETS as readonly string[]).includes(asked) ? (asked as InsightDataset) : null;
  if (!dataset) return new Response("Not found", { status: 404 });
  const period = periodFrom(params.period);
  try {
    return csvResponse(await insightsCsv(actor, dataset, period), `indicateurs_${dataset}_${period.months[0]}_${period.months[period.months.length - 1]}.csv`);
  } catch (error) {
    if (error instanceof PolicyError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
