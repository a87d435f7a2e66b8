import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { buildContractDocument } from "@/lib/contracts/documents/build";
import { contractDocumentFileName, renderContractDocumentPdf } from "@/lib/contracts/documents/pdf";
import { getContractView } from "@/lib/contracts/queries";
import { searchParamsOf } from "@/lib/http/search-params";

/** A contract document as a PDF (French by default, `?lang=en` for the translation), for the parties and admins only. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; kind: string }> }) {
  const { id, kind } = await params;
  if (kind !== "nda" && kind !== "dpa") return new Response("Not found", { status: 404 });
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
  const document = buildContractDocument(kind, view.contract.facts, locale);
  const pdf = await renderContractDocumentPdf(document);
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${contractDocumentFileName(document)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
