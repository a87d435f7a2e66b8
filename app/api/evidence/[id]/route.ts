import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { getEvidenceForDownload } from "@/lib/experts/evidence";
import { downloadHeaders } from "@/lib/attachments/file-name";

/** Evidence download: owner and admins only, always as an attachment, never rendered inline. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const found = await getEvidenceForDownload(await currentActor(), id);
    if (!found) return new Response("Not found", { status: 404 });
    return new Response(new Uint8Array(found.bytes), { headers: downloadHeaders(found.file, found.bytes.byteLength) });
  } catch (error) {
    if (error instanceof PolicyError) return new Response("Not found", { status: error.code === "unauthenticated" ? 401 : 404 });
    throw error;
  }
}
