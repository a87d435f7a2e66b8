import { currentActor } from "@/lib/auth/current-actor";
import { downloadDataExport } from "@/lib/privacy/data-export";

/** Its owner downloads their data export (a ZIP) until it expires; anyone else gets a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("Not found", { status: 404 });
  const { id } = await params;
  const file = await downloadDataExport(actor, id);
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
