import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizationMembers, organizations } from "@/db/schema";

/**
 * The organisation a client orders an offer for (their first membership), with what the VAT rules
 * need of it: the offer page prices it as the order will (`bidPrice`, `contractVatRate`).
 */
export async function orderingOrganization(executor: Executor, userId: string): Promise<{ organizationId: string; country: string; vatNumber: string | null } | null> {
  const [row] = await executor
    .select({ organizationId: organizationMembers.organizationId, country: organizations.country, vatNumber: organizations.vatNumber })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(eq(organizationMembers.userId, userId))
    .limit(1);
  return row ?? null;
}
