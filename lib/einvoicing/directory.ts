import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { einvoiceAddresses } from "@/db/schema";
import type { PaConnector } from "./pa-client";

/** A directory answer is trusted this long before it is asked again (a company may register later). */
export const ADDRESS_TTL_MS = 7 * 24 * 3600 * 1000;


export async function cachedAddress(siren: string): Promise<{ address: string | null; lookedUpAt: Date } | null> {
  const [row] = await db.select().from(einvoiceAddresses).where(eq(einvoiceAddresses.siren, siren));
  return row ?? null;
}

/**
 * The electronic invoicing address of a SIREN: the cached answer while fresh, else the PA's
 * directory (outside any transaction), stored. Throws PaError when the directory cannot answer.
 */
export async function lookupAddress(connector: PaConnector, siren: string, options: { force?: boolean } = {}): Promise<string | null> {
  const cached = await cachedAddress(siren);
  if (cached && !options.force && Date.now() - cached.lookedUpAt.getTime() < ADDRESS_TTL_MS) return cached.address;
  const address = await connector.lookupAddress(siren);
  const lookedUpAt = new Date();
  await db.insert(einvoiceAddresses).values({ siren, address, lookedUpAt }).onConflictDoUpdate({ target: einvoiceAddresses.siren, set: { address, lookedUpAt } });
  return address;
}
