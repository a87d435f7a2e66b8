import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { searchParamsOf } from "@/lib/http/search-params";
import { trainingDocumentPdf, type TrainingDocumentRequest } from "@/lib/training/documents/download";

/**
 * A training contract's document as a PDF, for its parties and admins: `?doc=agreement`,
 * `?doc=attendance&session=<id>` or `?doc=certificate&attendee=<id>`; French by default, `&lang=en`.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const query = searchParamsOf(new URL(request.url).searchParams);
  let wanted: TrainingDocumentRequest;
  if (query.doc === "agreement") wanted = { doc: "agreement" };
  else if (query.doc === "attendance" && query.session) wanted = { doc: "attendance", sessionId: query.session };
  else if (query.doc === "certificate" && query.attendee) wanted = { doc: "certificate", attendeeId: query.attendee };
  else return new Response("Not found", { status: 404 });
  let result;
  try {
    result = await trainingDocumentPdf(actor, id, wanted, query.lang === "en" ? "en" : "fr");
  } catch (error) {
    if (error instanceof PolicyError) return new Response("Not found", { status: 404 });
    throw error;
  }
  if (!result.ok) return new Response(result.error === "not_delivered" ? "Not yet available" : "Not found", { status: result.error === "not_delivered" ? 409 : 404 });
  return new Response(Buffer.from(result.value.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${result.value.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
