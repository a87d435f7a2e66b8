import { readiness } from "@/lib/health";

export const dynamic = "force-dynamic";

/**
 * Readiness, for a load balancer or a deploy script: the database answers, its migrations are
 * this build's, and a worker's heartbeat is fresh. 503 otherwise. `/api/health` stays the cheap
 * liveness answer. Nothing secret in it.
 */
export async function GET() {
  const report = await readiness();
  const { ready, ...checks } = report;
  return Response.json(
    { status: ready ? "ready" : "not ready", ...checks },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
