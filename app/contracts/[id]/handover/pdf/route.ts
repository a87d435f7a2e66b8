import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { handoverPdf } from "@/lib/handover/download";
import { searchParamsOf } from "@/lib/http/search-params";

/** The delivered handover pack as a PDF, for the contract's parties and admins: the client's language, or `?lang=fr|en`. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const { lang } = searchParamsOf(new URL(request.url).searchParams);
  let result;
  try {
    result = await handoverPdf(actor, id, lang === "en" || lang === "fr" ? lang : null);
  } catch (error) {
    if (error instanceof PolicyError) return new Response("Not found", { status: 404 });
    throw error;
  }
  if (!result.ok) return new Response("Not found", { status: 404 });
  return new Response(Buffer.from(result.value.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${result.value.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
