import { env } from "@/lib/env";

export interface PaConfig {
  apiUrl: string;
  directoryUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Per HTTP call, milliseconds. */
  timeoutMs: number;
}

const trim = (url: string) => url.replace(/\/+$/, "");

/** The PA's configuration, or null when e-invoicing is off (PA_API_URL, PA_CLIENT_ID, PA_CLIENT_SECRET unset). */
export function paConfig(): PaConfig | null {
  const e = env();
  if (!e.PA_API_URL || !e.PA_CLIENT_ID || !e.PA_CLIENT_SECRET) return null;
  const apiUrl = trim(e.PA_API_URL);
  return {
    apiUrl,
    directoryUrl: trim(e.PA_DIRECTORY_URL ?? apiUrl),
    tokenUrl: e.PA_TOKEN_URL ?? `${apiUrl}/token`,
    clientId: e.PA_CLIENT_ID,
    clientSecret: e.PA_CLIENT_SECRET,
    timeoutMs: 15_000,
  };
}

/** Compagnon's own option for VAT on debits, for its commission invoices (PLATFORM_VAT_ON_DEBITS). */
export function platformVatOnDebits(): boolean {
  return env().PLATFORM_VAT_ON_DEBITS;
}

export function isEinvoicingOn(): boolean {
  return paConfig() !== null;
}
