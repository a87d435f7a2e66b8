import "server-only";
import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { organizations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { z } from "zod";
import { requireOrgMember, requireRole } from "@/lib/auth/policy";
import { queueJob } from "@/lib/jobs/queue";
import { log } from "@/lib/observability/logger";
import { fail, ok, type Result } from "@/lib/result";
import { paConnector } from "./connector";
import { cachedAddress, lookupAddress } from "./directory";
import { PaError, type PaConnector } from "./pa-client";

export const LOOKUP_ADDRESS_TASK = "einvoice_lookup_address";

/** Queues the directory lookup of a new organisation's electronic address (with the creating transaction). */
export async function queueAddressLookup(executor: Executor, organizationId: string): Promise<void> {
  await queueJob(executor, LOOKUP_ADDRESS_TASK, { organizationId }, { key: `einvoice-address:${organizationId}`, maxAttempts: 5 });
}

/** Worker: looks the organisation's SIREN up in the PA's directory; a failure throws (retried). */
export async function refreshOrganizationAddressJob(organizationId: string, connector: PaConnector | null = paConnector()): Promise<string> {
  if (!connector) return "e-invoicing off";
  const [organization] = await db.select({ siren: organizations.siren }).from(organizations).where(eq(organizations.id, organizationId));
  if (!organization) return "unknown organisation";
  const address = await lookupAddress(connector, organization.siren, { force: true });
  return address ? "found" : "not registered";
}

export type RefreshAddressError = "invalid" | "off" | "unavailable";

/**
 * A member of the organisation asks the directory again (on demand, e.g. after registering
 * with a PA). The call is made with no transaction open; the answer is cached by SIREN.
 */
export async function refreshOrganizationAddress(
  actor: Actor | null,
  organizationId: string,
  connector: PaConnector | null = paConnector(),
): Promise<Result<{ address: string | null }, RefreshAddressError>> {
  requireRole(actor, "client");
  if (!z.uuid().safeParse(organizationId).success) return fail("invalid");
  await requireOrgMember(db, actor, organizationId);
  if (!connector) return fail("off");
  const [organization] = await db.select({ siren: organizations.siren }).from(organizations).where(eq(organizations.id, organizationId));
  if (!organization) return fail("unavailable");
  try {
    return ok({ address: await lookupAddress(connector, organization.siren, { force: true }) });
  } catch (error) {
    if (!(error instanceof PaError)) throw error;
    log("einvoicing").warn({ err: error, organizationId }, "directory lookup failed");
    return fail("unavailable");
  }
}

/** What the organisation panel shows: e-invoicing off, not looked up yet, or the directory's answer. */
export type OrganizationAddress = { state: "off" } | { state: "unknown" } | { state: "found"; address: string; at: Date } | { state: "none"; at: Date };

export async function organizationAddress(siren: string): Promise<OrganizationAddress> {
  if (!paConnector()) return { state: "off" };
  const cached = await cachedAddress(siren);
  if (!cached) return { state: "unknown" };
  return cached.address ? { state: "found", address: cached.address, at: cached.lookedUpAt } : { state: "none", at: cached.lookedUpAt };
}
