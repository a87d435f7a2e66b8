import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { invoicePdfBytes } from "@/lib/invoicing/files";
import { getInvoiceFor } from "@/lib/invoicing/queries";

/**
 * An invoice or credit note as its Factur-X PDF, for its parties and admins only (404 for anyone
 * else). `?lang=en`: the copy with English labels beside the French ones (the French text binds).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  let invoice;
  try {
    invoice = await getInvoiceFor(actor, id);
  } catch (error) {
    if (error instanceof PolicyError) return new Response("Not found", { status: 404 });
    throw error;
  }
  const bilingual = new URL(request.url).searchParams.get("lang") === "en";
  const pdf = await invoicePdfBytes(invoice, bilingual ? "fr-en" : "fr");
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      // Invoice numbers are made of capitals, digits and dashes only: safe in a header.
      "Content-Disposition": `attachment; filename="${invoice.number}${bilingual ? "-fr-en" : ""}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
