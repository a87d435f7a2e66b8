import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { exportDeclaration } from "@/lib/dac7/declaration";

/**
 * The DAC7 (DPI) declaration of a finished year as XML, for admins who passed the second factor
 * (anyone else: 404; anonymous: 401). 409 while a seller misses data the schema requires.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }) {
  const { year: yearParam } = await params;
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!/^\d{4}$/.test(yearParam)) return new Response("Not found", { status: 404 });
  let result;
  try {
    result = await exportDeclaration(actor, Number(yearParam));
  } catch (error) {
    if (error instanceof PolicyError) return new Response("Not found", { status: 404 });
    throw error;
  }
  if (!result.ok) {
    if (result.error === "incomplete") {
      const names = Object.values(result.fields ?? {}).join("\n");
      return new Response(`Données manquantes (nom, prénom, date de naissance ou adresse) pour :\n${names}\n`, {
        status: 409,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
      });
    }
    return new Response("Not found", { status: 404 });
  }
  return new Response(result.value.xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="dac7-dpi-${yearParam}.xml"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
