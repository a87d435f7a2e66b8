import "server-only";
import { and, desc, eq, inArray, isNotNull, isNull, ne, or } from "drizzle-orm";
import { db } from "@/db/client";
import { contractMilestones, contracts, statementsOfReasons, transfers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";

export interface UnsentPayout {
  id: string;
  amountCents: number;
  status: (typeof transfers.$inferSelect)["status"];
  createdAt: Date;
  withheldAt: Date | null;
  expertEmail: string;
  jobTitle: string;
  milestoneTitle: string;
  /** The statement of reasons of the withholding standing, for the link. */
  statementId: string | null;
}

/**
 * The payouts an admin may withhold or release: not sent, and either never asked of the provider
 * (so withholding is still possible) or withheld now. Oldest first, 100 at most.
 */
export async function listUnsentPayouts(actor: Actor | null): Promise<UnsentPayout[]> {
  requireRole(actor, "admin");
  const rows = await db
    .select({
      id: transfers.id,
      amountCents: transfers.amountCents,
      status: transfers.status,
      createdAt: transfers.createdAt,
      withheldAt: transfers.withheldAt,
      expertEmail: users.email,
      facts: contracts.facts,
      milestoneTitle: contractMilestones.title,
    })
    .from(transfers)
    .innerJoin(users, eq(users.id, transfers.expertUserId))
    .innerJoin(contracts, eq(contracts.id, transfers.contractId))
    .innerJoin(contractMilestones, eq(contractMilestones.id, transfers.milestoneId))
    .where(and(ne(transfers.status, "sent"), or(isNull(transfers.requestedAt), isNotNull(transfers.withheldAt))))
    .orderBy(transfers.createdAt)
    .limit(100);
  const withheld = rows.filter((row) => row.withheldAt).map((row) => row.id);
  const statements = withheld.length
    ? await db
        .select({ id: statementsOfReasons.id, subjectId: statementsOfReasons.subjectId })
        .from(statementsOfReasons)
        .where(and(eq(statementsOfReasons.restriction, "payout_withheld"), inArray(statementsOfReasons.subjectId, withheld), isNull(statementsOfReasons.reversedAt)))
        .orderBy(desc(statementsOfReasons.createdAt))
    : [];
  return rows.map(({ facts, ...row }) => ({
    ...row,
    jobTitle: facts.job.title,
    statementId: statements.find((statement) => statement.subjectId === row.id)?.id ?? null,
  }));
}

/** The standing withholding statements of an expert's transfers (their payouts page links each). */
export async function withholdingStatements(expertUserId: string, transferIds: string[]): Promise<Map<string, string>> {
  if (transferIds.length === 0) return new Map();
  const rows = await db
    .select({ id: statementsOfReasons.id, subjectId: statementsOfReasons.subjectId })
    .from(statementsOfReasons)
    .where(
      and(
        eq(statementsOfReasons.userId, expertUserId),
        eq(statementsOfReasons.restriction, "payout_withheld"),
        inArray(statementsOfReasons.subjectId, transferIds),
        isNull(statementsOfReasons.reversedAt),
      ),
    );
  return new Map(rows.map((row) => [row.subjectId, row.id]));
}
