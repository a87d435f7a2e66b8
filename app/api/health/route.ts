import { databaseIsUp } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const db = await databaseIsUp();
  return Response.json(
    { status: db ? "ok" : "degraded", db: db ? "ok" : "down" },
    { status: db ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
