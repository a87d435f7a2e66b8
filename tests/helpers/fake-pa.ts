import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in Plateforme Agréée on loopback, speaking the subset of the AFNOR XP Z12-013 API the
 * connector uses: OAuth2 client credentials (POST /token), the Flow Service (POST /v1/flows
 * multipart flowInfo + file, POST /v1/flows/search, GET /v1/flows/{id}?docType=Original) and
 * the Directory Service (POST /v1/directory-line/search). Failure modes: `down` (every call 503),
 * `slow` (answers after `slowMs`), `rejectNext` (the next submission is acknowledged Error),
 * `dropAnswerNext` (the next submission is stored but its answer is lost: a crash after the call).
 */
export interface FakeFlow {
  flowId: string;
  trackingId: string | null;
  flowType: string;
  processingRule?: string | null;
  name: string;
  sha256: string;
  file: Buffer;
  submittedAt: string;
  updatedAt: string;
  ack: { status: "Pending" | "Ok" | "Error"; details?: { level: string; item: string; reason: string }[] };
}

export const FAKE_PA_CLIENT = { id: "compagnon-test", secret: "fake-pa-secret" };

export async function startFakePa() {
  const flows: FakeFlow[] = [];
  const directory = new Map<string, string>();
  const calls: { method: string; path: string }[] = [];
  const tokens = new Set<string>();
  /** everySiren: the directory answers every SIREN with itself as the address (an app whose organisations are not known in advance). */
  const mode = { down: false, slowMs: 0, rejectNext: 0, dropAnswerNext: 0, ack: "Ok" as "Ok" | "Pending", everySiren: false };
  let clock = Date.parse("2026-12-01T09:00:00Z");
  const tick = () => new Date((clock += 1000)).toISOString();

  const view = (f: FakeFlow) => ({
    flowId: f.flowId,
    trackingId: f.trackingId,
    flowType: f.flowType,
    flowSyntax: f.flowType.endsWith("LC") ? "CDAR" : "Factur-X",
    flowDirection: f.flowType.endsWith("LC") ? "In" : "Out",
    submittedAt: f.submittedAt,
    updatedAt: f.updatedAt,
    acknowledgement: f.ack,
  });

  async function handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    if (mode.down) return json(503, { errorCode: "UNAVAILABLE", errorMessage: "maintenance" });
    if (req.method === "POST" && url.pathname === "/token") {
      const form = new URLSearchParams(body.toString());
      if (form.get("grant_type") !== "client_credentials" || form.get("client_id") !== FAKE_PA_CLIENT.id || form.get("client_secret") !== FAKE_PA_CLIENT.secret) {
        return json(401, { error: "invalid_client" });
      }
      const token = randomUUID();
      tokens.add(token);
      return json(200, { access_token: token, token_type: "Bearer", expires_in: 3600 });
    }
    const bearer = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (!tokens.has(bearer)) return json(401, { errorCode: "UNAUTHORIZED" });

    if (req.method === "POST" && url.pathname === "/v1/flows") {
      const form = await new Request("http://fake/v1/flows", { method: "POST", headers: { "content-type": req.headers["content-type"] ?? "" }, body: new Uint8Array(body) }).formData();
      const info = JSON.parse(await (form.get("flowInfo") as Blob).text()) as { trackingId?: string; name?: string; sha256?: string; flowSyntax?: string; processingRule?: string };
      const file = Buffer.from(await (form.get("file") as Blob).arrayBuffer());
      const sha256 = createHash("sha256").update(file).digest("hex");
      if (info.sha256 && info.sha256 !== sha256) return json(400, { errorCode: "SHA256_MISMATCH" });
      if (!info.trackingId || !info.name) return json(400, { errorCode: "MISSING_FIELD" });
      const now = tick();
      const rejected = mode.rejectNext > 0;
      if (rejected) mode.rejectNext -= 1;
      const flow: FakeFlow = {
        flowId: randomUUID(),
        trackingId: info.trackingId,
        flowType: info.flowSyntax === "CDAR" ? "CustomerInvoiceLC" : info.flowSyntax === "FRR" ? "EReporting" : "CustomerInvoice",
        processingRule: info.processingRule ?? null,
        name: info.name,
        sha256,
        file,
        submittedAt: now,
        updatedAt: now,
        ack: rejected ? { status: "Error", details: [{ level: "Error", item: "BT-49", reason: "Adresse électronique de l'acheteur inconnue" }] } : { status: mode.ack },
      };
      flows.push(flow);
      if (mode.dropAnswerNext > 0) {
        mode.dropAnswerNext -= 1;
        res.destroy();
        return;
      }
      return json(202, { flowId: flow.flowId, trackingId: flow.trackingId, name: flow.name, flowSyntax: info.flowSyntax, sha256, submittedAt: now });
    }
    if (req.method === "POST" && url.pathname === "/v1/flows/search") {
      const where = ((JSON.parse(body.toString() || "{}") as { where?: Record<string, unknown> }).where ?? {}) as { trackingId?: string; flowType?: string[]; updatedAfter?: string };
      const results = flows
        .filter((f) => (where.trackingId ? f.trackingId === where.trackingId : true))
        .filter((f) => (where.flowType ? where.flowType.includes(f.flowType) : true))
        .filter((f) => (where.updatedAfter ? f.updatedAt > where.updatedAfter : true))
        .map(view);
      return json(200, { limit: 100, offset: 0, total: results.length, results });
    }
    const match = /^\/v1\/flows\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && match) {
      const flow = flows.find((f) => f.flowId === decodeURIComponent(match[1] ?? ""));
      if (!flow) return json(404, { errorCode: "NOT_FOUND" });
      if ((url.searchParams.get("docType") ?? "Metadata") === "Metadata") return json(200, view(flow));
      res.writeHead(200, { "content-type": flow.flowType.endsWith("LC") ? "application/xml" : "application/pdf" });
      return res.end(flow.file);
    }
    if (req.method === "POST" && url.pathname === "/v1/directory-line/search") {
      const filters = (JSON.parse(body.toString() || "{}") as { filters?: { siren?: { value?: string } } }).filters;
      const siren = filters?.siren?.value ?? "";
      const address = directory.get(siren) ?? (mode.everySiren && /^\d{9}$/.test(siren) ? siren : undefined);
      return json(200, { total: address ? 1 : 0, results: address ? [{ siren, addressingIdentifier: address, platform: "FAKE-PA" }] : [] });
    }
    return json(404, { errorCode: "NOT_FOUND" });
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      calls.push({ method: req.method ?? "", path: req.url ?? "" });
      const run = () => handle(req, Buffer.concat(chunks), res).catch((error: unknown) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ errorCode: "FAKE_PA_BUG", errorMessage: String(error) }));
      });
      if (mode.slowMs > 0) setTimeout(run, mode.slowMs);
      else void run();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref(); // never what keeps a test process alive
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    flows,
    calls,
    directory,
    mode,
    /** The PA settles a pending acknowledgement of the flow of `trackingId` (an Error with its reason). */
    acknowledge(trackingId: string, status: "Ok" | "Error", reason?: string) {
      const flow = flows.find((f) => f.trackingId === trackingId);
      if (!flow) throw new Error(`no flow ${trackingId}`);
      flow.ack = reason ? { status, details: [{ level: "Error", item: "BT-1", reason }] } : { status };
      flow.updatedAt = tick();
    },
    /** A lifecycle status comes back (CDAR message) for the document numbered `invoiceNumber`. */
    addLifecycle(invoiceNumber: string, code: number, at: Date, reason?: string) {
      const stamp = at.toISOString().replace(/[-:T]/g, "").slice(0, 14);
      const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossDomainAcknowledgementAndResponse xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocument><ram:IssueDateTime><udt:DateTimeString format="204">${stamp}</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>
  <rsm:AcknowledgementDocument>
    <ram:ReferenceReferencedDocument>
      <ram:IssuerAssignedID>${invoiceNumber}</ram:IssuerAssignedID>
      <ram:ProcessConditionCode>${code}</ram:ProcessConditionCode>
      ${reason ? `<ram:SpecifiedDocumentStatus><ram:Reason>${reason}</ram:Reason></ram:SpecifiedDocumentStatus>` : ""}
    </ram:ReferenceReferencedDocument>
  </rsm:AcknowledgementDocument>
</rsm:CrossDomainAcknowledgementAndResponse>`;
      const now = tick();
      flows.push({ flowId: randomUUID(), trackingId: null, flowType: "SupplierInvoiceLC", name: `cdar-${code}.xml`, sha256: "", file: Buffer.from(xml), submittedAt: now, updatedAt: now, ack: { status: "Ok" } });
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export type FakePa = Awaited<ReturnType<typeof startFakePa>>;
