import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { monthReportPdf } from "@/lib/tickets/report-document";

/** A retainer month's report as a PDF for the contract's parties and admins; French by default, `?lang=en`. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; period: string }> }) {
  const { id, period } = await params;
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const lang = new URL(request.url).searchParams.get("lang") === "en" ? "en" : "fr";
  let result;
  try {
    result = await monthReportPdf(actor, id, period, lang);
  } catch (error) {
    if (error instanceof PolicyError) return new Response("Not found", { status: 404 });
    throw error;
  }
  return new Response(Buffer.from(result.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
