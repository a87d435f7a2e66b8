import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";

export const GET = handlers.GET;

/**
 * Magic links are requested through our sign-in form only (it applies the rate limits); the
 * bare Auth.js endpoint for that is closed. Every other Auth.js POST (sign-out) passes.
 */
export function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/signin/email")) {
    return new Response("Not found", { status: 404 });
  }
  return handlers.POST(request);
}
