import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { env } from "@/lib/env";
import { searchParamsOf } from "@/lib/http/search-params";

/**
 * A sign-in link whose query a database would refuse (a NUL, invalid UTF-8) is an invalid link:
 * it gets the "link invalid" page, not a trip through Auth.js's adapter.
 */
export function GET(request: NextRequest) {
  const query = request.nextUrl.searchParams;
  if (Object.keys(searchParamsOf(query)).length !== new Set(query.keys()).size) {
    return NextResponse.redirect(new URL("/signin/error?error=Verification", env().APP_URL));
  }
  return handlers.GET(request);
}

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
