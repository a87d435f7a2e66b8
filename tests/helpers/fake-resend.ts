import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/**
 * A small stand-in for the Resend API on loopback: records what the real `resend` SDK sends
 * and answers like Resend does. `failNext(n)` makes the next n calls answer 500; `hangNext(n)`
 * makes them never answer (a worker stuck in a call, as when it dies mid-delivery).
 */
export async function startFakeResend() {
  const requests: RecordedRequest[] = [];
  let failures = 0;
  let hangs = 0;
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: raw ? JSON.parse(raw) : {} });
      if (hangs > 0) {
        hangs -= 1;
        hanging.push(res);
        return;
      }
      res.setHeader("content-type", "application/json");
      if (failures > 0) {
        failures -= 1;
        res.statusCode = 500;
        res.end(JSON.stringify({ name: "internal_server_error", message: "Resend is having a bad day", statusCode: 500 }));
        return;
      }
      res.statusCode = 200;
      res.end(JSON.stringify({ id: `re_${requests.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (n: number) => {
      failures = n;
    },
    hangNext: (n: number) => {
      hangs = n;
    },
    close: () => {
      for (const res of hanging) res.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
