import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { contractDocumentPdf } from "@/lib/contracts/document-pdf";
import { isContractDocumentKind } from "@/lib/contracts/documents/build";
import { getContractView } from "@/lib/contracts/queries";
import { searchParamsOf } from "@/lib/http/search-params";

/**
 * A contract document as a PDF (French by default, `?lang=en` for the translation), with the hash
 * of its text and the acceptances recorded so far, for the parties and admins only.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; kind: string }> }) {
  const { id, kind } = await params;
  if (!isContractDocumentKind(kind)) return new Response("Not found", { status: 404 });
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  let view;
  try {
    view = await getContractView(actor, id);
  } catch (error) {
    if (error instanceof PolicyError) return new Response("Not found", { status: 404 });
    throw error;
  }
  if (!view.documents.some((d) => d.kind === kind)) return new Response("Not found", { status: 404 });
  const locale = searchParamsOf(new URL(request.url).searchParams).lang === "en" ? "en" : "fr";
  const { bytes, fileName } = await contractDocumentPdf(view, kind, locale);
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
