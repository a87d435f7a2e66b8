import { gzipSync } from "node:zlib";
import { scriptsOf } from "@/scripts/bench/page-weight";
import { baseUrl } from "./browser";

/**
 * The JavaScript a page's HTML makes a module browser load (as `npm run bench` counts it): gzip
 * bytes, and whether next-intl's client is part of it (an error code of use-intl, kept as a string
 * by the minifier).
 */
export async function javascriptOf(html: string): Promise<{ gzipBytes: number; intl: boolean }> {
  let gzipBytes = 0;
  let intl = false;
  for (const src of scriptsOf(html).modern) {
    const code = await (await fetch(`${baseUrl}${src}`)).text();
    gzipBytes += gzipSync(code).length;
    intl ||= code.includes("INSUFFICIENT_PATH");
  }
  return { gzipBytes, intl };
}
