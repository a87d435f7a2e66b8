import { paConfig } from "./config";
import { afnorConnector, type PaConnector } from "./pa-client";

let cached: { key: string; connector: PaConnector } | null = null;

/** The configured PA connector (one per configuration, so its OAuth2 token is reused), or null when e-invoicing is off. */
export function paConnector(): PaConnector | null {
  const config = paConfig();
  if (!config) return null;
  const key = `${config.apiUrl}|${config.tokenUrl}|${config.directoryUrl}|${config.clientId}`;
  if (cached?.key !== key) cached = { key, connector: afnorConnector(config) };
  return cached.connector;
}
