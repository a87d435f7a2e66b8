import type { PaConfig } from "./config";

/**
 * The connector to a Plateforme Agréée, behind an interface (submit a document, read flows and
 * their files, look up an electronic address), so another adapter can take its place.
 */
export interface PaConnector {
  /** POST /v1/flows: one flow per document, with our stable trackingId and the file's SHA-256. */
  submitFlow(input: SubmitInput): Promise<FlowInfo>;
  /** POST /v1/flows/search: flows matching the criteria (by trackingId, or lifecycle flows updated after a time). */
  searchFlows(where: FlowSearch): Promise<FlowInfo[]>;
  /** GET /v1/flows/{flowId}?docType=Original: the file the flow carries (for a lifecycle flow, its CDAR message). */
  downloadFlow(flowId: string): Promise<Uint8Array>;
  /** Directory Service: the electronic invoicing address of a SIREN, or null when it is not registered. */
  lookupAddress(siren: string): Promise<string | null>;
}

export interface SubmitInput {
  trackingId: string;
  fileName: string;
  file: Uint8Array;
  sha256: string;
  /** XP Z12-013 flowSyntax: "Factur-X" (default) for an invoice, "CDAR" for a lifecycle status, "FRR" for an e-reporting file. */
  flowSyntax?: "Factur-X" | "CDAR" | "FRR";
  /** processingRule: "B2B" (default), "B2BInt" (international), "B2C". */
  processingRule?: "B2B" | "B2BInt" | "B2C";
}

export type AckStatus = "Pending" | "Ok" | "Error";

export interface FlowInfo {
  flowId: string;
  trackingId: string | null;
  flowType: string | null;
  submittedAt: string | null;
  updatedAt: string | null;
  ackStatus: AckStatus | null;
  ackReason: string | null;
}

export interface FlowSearch {
  trackingId?: string;
  flowTypes?: string[];
  updatedAfter?: string;
}

/** A call that failed: `retryable` when another attempt may succeed (network, timeout, 5xx, 429). */
export class PaError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "PaError";
  }
}

/** The XP Z12-013 adapter: Flow and Directory services over HTTPS, OAuth2 client credentials. */
export function afnorConnector(config: PaConfig, fetchImpl: typeof fetch = fetch): PaConnector {
  let token: { value: string; expiresAt: number } | null = null;

  async function call(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetchImpl(url, { ...init, signal: AbortSignal.timeout(config.timeoutMs) });
    } catch (error) {
      const timeout = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new PaError(timeout ? `PA timeout after ${config.timeoutMs} ms` : "PA unreachable", true);
    }
  }

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now() + 30_000) return token.value;
    const body = new URLSearchParams({ grant_type: "client_credentials", client_id: config.clientId, client_secret: config.clientSecret });
    const response = await call(config.tokenUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    if (!response.ok) throw new PaError(`PA token refused (${response.status})`, response.status >= 500, response.status);
    const json = (await response.json()) as { access_token?: string; expires_in?: number };
    if (!json.access_token) throw new PaError("PA token answer without access_token", false);
    token = { value: json.access_token, expiresAt: Date.now() + (json.expires_in ?? 300) * 1000 };
    return token.value;
  }

  async function authorized(url: string, init: RequestInit): Promise<Response> {
    const send = async () => call(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${await accessToken()}` } });
    let response = await send();
    if (response.status === 401) {
      token = null;
      response = await send();
    }
    if (!response.ok && response.status !== 404) {
      const detail = (await response.text()).slice(0, 300);
      throw new PaError(`PA answered ${response.status}: ${detail}`, response.status >= 500 || response.status === 429 || response.status === 408, response.status);
    }
    return response;
  }

  return {
    async submitFlow(input) {
      const form = new FormData();
      const flowSyntax = input.flowSyntax ?? "Factur-X";
      const flowInfo = { trackingId: input.trackingId, name: input.fileName, flowSyntax, flowProfile: flowSyntax === "Factur-X" ? "CIUS" : undefined, processingRule: input.processingRule ?? "B2B", sha256: input.sha256 };
      form.append("flowInfo", new Blob([JSON.stringify(flowInfo)], { type: "application/json" }));
      form.append("file", new Blob([Buffer.from(input.file)], { type: flowSyntax === "Factur-X" ? "application/pdf" : "application/xml" }), input.fileName);
      const response = await authorized(`${config.apiUrl}/v1/flows`, { method: "POST", body: form });
      if (response.status === 404) throw new PaError("PA flow endpoint not found", false, 404);
      return toFlowInfo(await response.json());
    },
    async searchFlows(where) {
      const body = { where: { trackingId: where.trackingId, flowType: where.flowTypes, updatedAfter: where.updatedAfter }, limit: 100 };
      const response = await authorized(`${config.apiUrl}/v1/flows/search`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (response.status === 404) return [];
      const json = (await response.json()) as { results?: unknown[] };
      return (json.results ?? []).map(toFlowInfo);
    },
    async downloadFlow(flowId) {
      const response = await authorized(`${config.apiUrl}/v1/flows/${encodeURIComponent(flowId)}?docType=Original`, { method: "GET" });
      if (response.status === 404) throw new PaError(`PA flow ${flowId} not found`, false, 404);
      return new Uint8Array(await response.arrayBuffer());
    },
    async lookupAddress(siren) {
      const body = { filters: { siren: { op: "strict", value: siren } }, limit: 10 };
      const response = await authorized(`${config.directoryUrl}/v1/directory-line/search`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (response.status === 404) return null;
      const json = (await response.json()) as { results?: { addressingIdentifier?: string; siren?: string }[] };
      const line = (json.results ?? []).find((r) => r.siren === siren && r.addressingIdentifier);
      return line?.addressingIdentifier ?? null;
    },
  };
}

function toFlowInfo(raw: unknown): FlowInfo {
  const r = (raw ?? {}) as Record<string, unknown>;
  const ack = (r.acknowledgement ?? null) as { status?: string; details?: { reason?: string; item?: string }[] } | null;
  const status = ack?.status === "Ok" || ack?.status === "Error" || ack?.status === "Pending" ? ack.status : null;
  const reason = ack?.details?.map((d) => [d.item, d.reason].filter(Boolean).join(": ")).join("; ") || null;
  if (typeof r.flowId !== "string") throw new PaError("PA answer without flowId", false);
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return { flowId: r.flowId, trackingId: text(r.trackingId), flowType: text(r.flowType), submittedAt: text(r.submittedAt), updatedAt: text(r.updatedAt), ackStatus: status, ackReason: reason };
}
