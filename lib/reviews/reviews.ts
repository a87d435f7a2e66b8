import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db/client";
import { organizationMembers, reviews, type Contract, type ContractSide } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadContractFor } from "@/lib/contracts/access";
import { fieldErrors } from "@/lib/actions/field-errors";
import { fail, ok, type Result } from "@/lib/result";
import { notifyReview } from "./notify";

export const REVIEW_COMMENT_MAX = 2000;

/** A review as a form sends it: the rating (1 to 5, whole) and an optional comment. */
export const reviewSchema = z.object({
  contractId: z.string().max(40),
  rating: z.coerce.number({ error: "rating" }).int({ error: "rating" }).min(1, { error: "rating" }).max(5, { error: "rating" }),
  comment: z
    .string()
    .default("")
    // A browser counts a line break as one character; the form sends two (CR LF).
    .transform((text) => text.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(REVIEW_COMMENT_MAX, { error: "commentTooLong" })),
});

export type ReviewFailure = "invalid" | "illegal_transition" | "already_reviewed";

/**
 * The user a side's review is about: the expert for the client's review; for the expert's,
 * the member who accepted the bid, or else an owner of the organisation (the first one).
 */
async function reviewSubject(tx: Transaction, contract: Contract, side: ContractSide): Promise<string> {
  if (side === "client") return contract.expertUserId;
  if (contract.acceptedById) return contract.acceptedById;
  const [owner] = await tx
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, contract.organizationId), eq(organizationMembers.role, "owner")))
    .orderBy(asc(organizationMembers.createdAt))
    .limit(1);
  if (!owner) throw new Error(`Organisation ${contract.organizationId} has no owner to review`);
  return owner.userId;
}

/**
 * One side of a completed contract reviews the other: the client side (any member of its
 * organisation) reviews the expert, the expert reviews the client. Once per side, and final:
 * a review cannot be edited. Admins only read. The reviewed side is told by email.
 */
export async function leaveReview(
  actor: Actor | null,
  input: { contractId: string; rating: number | string; comment?: string },
): Promise<Result<{ reviewId: string }, ReviewFailure>> {
  const parsed = reviewSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  return db.transaction(async (tx) => {
    const { contract, side } = await loadContractFor(tx, actor, parsed.data.contractId);
    if (side === "admin") throw new PolicyError("forbidden");
    if (contract.status !== "completed") return fail("illegal_transition");
    const subjectUserId = await reviewSubject(tx, contract, side);
    // The unique index (contract, side) decides between two concurrent reviews: one row only.
    const [review] = await tx
      .insert(reviews)
      .values({ contractId: contract.id, authorId: actor?.id ?? null, side, subjectUserId, rating: parsed.data.rating, comment: parsed.data.comment })
      .onConflictDoNothing({ target: [reviews.contractId, reviews.side] })
      .returning({ id: reviews.id });
    if (!review) return fail("already_reviewed");
    await notifyReview(tx, { contract, side, reviewId: review.id, rating: parsed.data.rating, comment: parsed.data.comment });
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "review.left",
      subjectType: "contract",
      subjectId: contract.id,
      data: { reviewId: review.id, side, subjectUserId, rating: parsed.data.rating },
    });
    return ok({ reviewId: review.id });
  });
}
