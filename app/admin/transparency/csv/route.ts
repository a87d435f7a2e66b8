import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { csvResponse } from "@/lib/export/csv";
import { transparencyCsv, transparencyFor } from "@/lib/moderation/transparency";

/** The annual transparency report (`?year=YYYY`) as a CSV, for admins only. */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  try {
    const report = await transparencyFor(actor, new URL(request.url).searchParams.get("year"));
    return csvResponse(transparencyCsv(report), `transparence_${report.year}.csv`);
  } catch (error) {
    if (error instanceof PolicyError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
