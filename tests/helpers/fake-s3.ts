import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A minimal S3-compatible server on loopback (path-style PUT/GET/DELETE of objects), enough to
 * drive our storage code with real SigV4-signed requests. It refuses unsigned requests, a body
 * that does not match its Content-MD5, an object lock without Content-MD5 (as S3 does), and
 * the deletion or overwrite of an object under a compliance lock.
 */
export async function startFakeS3() {
  const objects = new Map<string, Buffer>();
  const authorizations: string[] = [];
  /** Each accepted PUT's key and headers. */
  const puts: { key: string; headers: http.IncomingHttpHeaders }[] = [];
  const locked = new Set<string>();
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
      const refuse = (status: number, code: string) => {
        res.statusCode = status;
        res.end(`<Error><Code>${code}</Code></Error>`);
      };
      if ((req.method === "PUT" || req.method === "DELETE") && locked.has(key)) return refuse(403, "AccessDenied");
      if (req.method === "PUT") {
        const body = Buffer.concat(chunks);
        const md5 = req.headers["content-md5"];
        if (md5 !== undefined && md5 !== createHash("md5").update(body).digest("base64")) return refuse(400, "BadDigest");
        if (req.headers["x-amz-object-lock-mode"]) {
          if (md5 === undefined) return refuse(400, "InvalidRequest");
          if (req.headers["x-amz-object-lock-mode"] === "COMPLIANCE") locked.add(key);
        }
        puts.push({ key, headers: req.headers });
        objects.set(key, body);
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
  return { url: `http://127.0.0.1:${port}`, objects, authorizations, puts, close: () => new Promise<void>((r) => server.close(() => r())) };
}
