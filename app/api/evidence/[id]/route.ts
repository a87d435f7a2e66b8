import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { getEvidenceForDownload } from "@/lib/experts/evidence";
import { cleanIdentityText } from "@/lib/text/identity";

/** Evidence download: owner and admins only, always as an attachment, never rendered inline. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const found = await getEvidenceForDownload(await currentActor(), id);
    if (!found) return new Response("Not found", { status: 404 });
    // Names are cleaned at upload; files kept from before that are cleaned on the way out.
    const name = cleanIdentityText(found.file.originalName);
    const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
    return new Response(new Uint8Array(found.bytes), {
      headers: {
        "Content-Type": found.file.mimeType,
        "Content-Length": String(found.bytes.byteLength),
        "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof PolicyError) return new Response("Not found", { status: error.code === "unauthenticated" ? 401 : 404 });
    throw error;
  }
}
