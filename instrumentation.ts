import type { Instrumentation } from "next";

/**
 * An unexpected error while rendering a page, a route or a server action: one log line with the
 * reference the user sees (Next.js's `digest`, shown by app/error.tsx and app/global-error.tsx)
 * and the request's id, so that an operator finds the error from what the user reports.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log, pathOnly } = await import("@/lib/observability/logger");
  const { REQUEST_ID_HEADER } = await import("@/lib/observability/request-id");
  const header = request.headers[REQUEST_ID_HEADER];
  const digest = (error as { digest?: unknown }).digest;
  log("web").error(
    {
      err: error,
      reference: typeof digest === "string" ? digest : undefined,
      requestId: Array.isArray(header) ? header[0] : header,
      method: request.method,
      path: pathOnly(request.path),
      route: context.routePath,
      routeType: context.routeType,
    },
    "unexpected error",
  );
};
