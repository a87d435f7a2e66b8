import "server-only";
import { count, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { contracts, contractStatus, jobs, type ContractStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";

export const ADMIN_CONTRACTS_PAGE_SIZE = 50;

/** A status from a query parameter, or null (all statuses) when missing or unknown. */
export function parseContractStatus(value: string | null | undefined): ContractStatus | null {
  return (contractStatus.enumValues as readonly string[]).includes(value ?? "") ? (value as ContractStatus) : null;
}

/**
 * Contracts for admins, newest first, optionally of one status: the job's title, the parties
 * (as frozen in the contract), the status and the total excluding VAT.
 */
export async function listContractsForAdmin(actor: Actor | null, input: { status?: string | null; page?: number } = {}) {
  requireRole(actor, "admin");
  const status = parseContractStatus(input.status);
  const where = status ? eq(contracts.status, status) : undefined;
  const [total] = await db.select({ value: count() }).from(contracts).where(where);
  const totalCount = total?.value ?? 0;
  const pages = Math.max(1, Math.ceil(totalCount / ADMIN_CONTRACTS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(input.page ?? 1) || 1), pages);
  const rows = await db
    .select({
      id: contracts.id,
      status: contracts.status,
      totalCents: contracts.totalCents,
      createdAt: contracts.createdAt,
      jobId: contracts.jobId,
      jobTitle: jobs.title,
      clientName: sql<string>`${contracts.facts}->'client'->>'legalName'`,
      expertName: sql<string>`${contracts.facts}->'expert'->>'name'`,
    })
    .from(contracts)
    .innerJoin(jobs, eq(jobs.id, contracts.jobId))
    .where(where)
    .orderBy(desc(contracts.createdAt), desc(contracts.id))
    .limit(ADMIN_CONTRACTS_PAGE_SIZE)
    .offset((page - 1) * ADMIN_CONTRACTS_PAGE_SIZE);
  return { status, page, pages, totalCount, contracts: rows };
}

export type AdminContractRow = Awaited<ReturnType<typeof listContractsForAdmin>>["contracts"][number];
