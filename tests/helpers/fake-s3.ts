import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A minimal S3-compatible server on loopback (path-style PUT/GET/DELETE of objects), enough to
 * drive our storage code with real SigV4-signed requests. It refuses unsigned requests.
 */
export async function startFakeS3() {
  const objects = new Map<string, Buffer>();
  const authorizations: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const auth = req.headers.authorization ?? "";
      authorizations.push(auth);
      if (!auth.startsWith("AWS4-HMAC-SHA256 Credential=") || !req.headers["x-amz-date"]) {
        res.statusCode = 403;
        return res.end("<Error><Code>AccessDenied</Code></Error>");
      }
      const key = decodeURIComponent(req.url ?? "");
      if (req.method === "PUT") {
        objects.set(key, Buffer.concat(chunks));
        res.statusCode = 200;
        return res.end();
      }
      const found = objects.get(key);
      if (req.method === "DELETE") {
        objects.delete(key);
        res.statusCode = 204;
        return res.end();
      }
      if (!found) {
        res.statusCode = 404;
        return res.end("<Error><Code>NoSuchKey</Code></Error>");
      }
      res.statusCode = 200;
      res.end(found);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, objects, authorizations, close: () => new Promise<void>((r) => server.close(() => r())) };
}
