import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { expertProfiles, moderatedContent, offers, users, type StatementOfReasons } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { liftWithholding } from "@/lib/payments/withholding";

/** Lifts the restriction a statement records (account, content, expert profile or withheld payout). */
export async function reverseRestriction(tx: Transaction, admin: Actor, statement: StatementOfReasons, why: string): Promise<void> {
  switch (statement.restriction) {
    case "account_suspended":
      await tx.update(users).set({ suspendedAt: null }).where(eq(users.id, statement.subjectId));
      await recordAudit(tx, { actor: admin, action: "user.reinstated", subjectType: "user", subjectId: statement.subjectId, fromStatus: "suspended", toStatus: "active", reason: why });
      return;
    case "content_removed":
    case "content_restricted":
      await tx.delete(moderatedContent).where(and(eq(moderatedContent.targetType, statement.subjectType as never), eq(moderatedContent.targetId, statement.subjectId)));
      // An offer an admin took down goes back to its expert, unpublished: he may publish it again.
      if (statement.subjectType === "offer") {
        await tx.update(offers).set({ status: "unpublished", updatedAt: new Date() }).where(and(eq(offers.id, statement.subjectId), eq(offers.status, "removed")));
      }
      return;
    case "payout_withheld":
      if (await liftWithholding(tx, statement.subjectId)) {
        await recordAudit(tx, { actor: admin, action: "transfer.withholding_released", subjectType: "transfer", subjectId: statement.subjectId, fromStatus: "withheld", reason: why });
      }
      return;
    case "profile_suspended":
    case "profile_refused": {
      const [from, to] = statement.restriction === "profile_suspended" ? (["suspended", "verified"] as const) : (["rejected", "submitted"] as const);
      await tx
        .update(expertProfiles)
        .set({ status: to, statusReason: null, updatedAt: new Date() })
        .where(and(eq(expertProfiles.id, statement.subjectId), eq(expertProfiles.status, from)));
      await recordAudit(tx, { actor: admin, action: "expert.reinstate", subjectType: "expert_profile", subjectId: statement.subjectId, fromStatus: from, toStatus: to, reason: why });
      return;
    }
  }
}
