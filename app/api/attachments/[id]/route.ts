import { downloadHeaders } from "@/lib/attachments/file-name";
import { getAttachmentForDownload } from "@/lib/attachments/download";
import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";

/** A message's, delivery's or dispute's file: the parties and admins only, always as an attachment. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const found = await getAttachmentForDownload(await currentActor(), id);
    return new Response(new Uint8Array(found.bytes), { headers: downloadHeaders(found.file, found.bytes.byteLength) });
  } catch (error) {
    if (error instanceof PolicyError) return new Response("Not found", { status: error.code === "unauthenticated" ? 401 : 404 });
    throw error;
  }
}
