import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db/client";
import { catalogSoftware, expertProfiles, offers, type Offer, type OfferStatus } from "@/db/schema";
import { fieldErrors } from "@/lib/actions/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { isUuidLike } from "@/lib/ids";
import { recordStatement } from "@/lib/moderation/statements";
import { RESTRICTION_GROUNDS } from "@/lib/moderation/rules";
import { fail, ok, type Result } from "@/lib/result";
import { choice } from "@/lib/text/choice";
import { offerSchema, type OfferInput } from "./schemas";

export type SaveOfferError = "invalid" | "not_verified";
export type OfferMoveError = "not_verified" | "removed" | "illegal_transition";

/** The verified expert's own offer, locked; anyone else's (or none) is a policy refusal. */
async function ownOffer(tx: Transaction, expert: Actor, offerId: string): Promise<Offer> {
  if (!isUuidLike(offerId)) throw new PolicyError("forbidden");
  const [offer] = await tx.select().from(offers).where(eq(offers.id, offerId)).for("update");
  if (!offer || offer.expertUserId !== expert.id) throw new PolicyError("forbidden");
  return offer;
}

async function verifiedProfile(tx: Transaction, expert: Actor) {
  const [profile] = await tx.select({ id: expertProfiles.id, status: expertProfiles.status }).from(expertProfiles).where(eq(expertProfiles.userId, expert.id));
  return profile?.status === "verified" ? profile : null;
}

/**
 * A verified expert writes an offer (new: a draft) or edits one of his (its status is kept: a
 * published offer stays published; contracts already formed keep the terms they were formed on).
 */
export async function saveOffer(actor: Actor | null, offerId: string | null, input: OfferInput): Promise<Result<{ offerId: string }, SaveOfferError>> {
  const expert = requireRole(actor, "expert");
  const parsed = offerSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const offer = parsed.data;
  return db.transaction(async (tx) => {
    const existing = offerId ? await ownOffer(tx, expert, offerId) : null;
    const profile = await verifiedProfile(tx, expert);
    if (!profile) return fail("not_verified");
    const [software] = await tx.select({ id: catalogSoftware.id }).from(catalogSoftware).where(eq(catalogSoftware.id, offer.softwareId));
    if (!software) return fail("invalid", { softwareId: "required" });
    const values = {
      softwareId: offer.softwareId,
      kind: offer.kind,
      title: offer.title,
      summary: offer.summary,
      included: offer.included,
      excluded: offer.excluded,
      prerequisites: offer.prerequisites,
      hostingMinCents: offer.hostingMin,
      hostingMaxCents: offer.hostingMax,
      deliveryDays: offer.deliveryDays,
      priceCents: offer.price,
      milestones: offer.milestones.map((m) => ({ title: m.title, amountCents: m.amount })),
      extras: offer.extras.map((e) => ({ title: e.title, priceCents: e.price })),
      remote: offer.remote,
      departements: offer.departements,
      questions: offer.questions,
      updatedAt: new Date(),
    };
    if (existing) {
      await tx.update(offers).set(values).where(eq(offers.id, existing.id));
      await recordAudit(tx, { actor: expert, action: "offer.edited", subjectType: "offer", subjectId: existing.id, fromStatus: existing.status, toStatus: existing.status });
      return ok({ offerId: existing.id });
    }
    const [row] = await tx
      .insert(offers)
      .values({ ...values, expertUserId: expert.id, profileId: profile.id })
      .returning({ id: offers.id });
    if (!row) throw new Error("offer insert returned nothing");
    await recordAudit(tx, { actor: expert, action: "offer.created", subjectType: "offer", subjectId: row.id, toStatus: "draft" });
    return ok({ offerId: row.id });
  });
}

const moves: Record<"publish" | "unpublish", { from: OfferStatus[]; to: OfferStatus }> = {
  publish: { from: ["draft", "unpublished"], to: "published" },
  unpublish: { from: ["published"], to: "unpublished" },
};

/**
 * The expert publishes his offer in the catalogue (while verified; never one an admin removed)
 * or takes it down; orders already placed are not touched.
 */
export async function moveOffer(actor: Actor | null, offerId: string, move: "publish" | "unpublish"): Promise<Result<null, OfferMoveError>> {
  const expert = requireRole(actor, "expert");
  return db.transaction(async (tx) => {
    const offer = await ownOffer(tx, expert, offerId);
    if (offer.status === "removed") return fail("removed");
    if (move === "publish" && !(await verifiedProfile(tx, expert))) return fail("not_verified");
    const { from, to } = moves[move];
    if (!from.includes(offer.status)) return fail("illegal_transition");
    const now = new Date();
    await tx
      .update(offers)
      .set({ status: to, updatedAt: now, ...(to === "published" ? { publishedAt: now } : {}) })
      .where(eq(offers.id, offer.id));
    await recordAudit(tx, { actor: expert, action: `offer.${move}`, subjectType: "offer", subjectId: offer.id, fromStatus: offer.status, toStatus: to });
    return ok(null);
  });
}

export const removeOfferSchema = z.object({
  offerId: z.uuid({ error: "required" }),
  reason: z.string({ error: "required" }).trim().min(10, { error: "decisionReason" }).max(4000, { error: "tooLong" }),
  ground: choice(RESTRICTION_GROUNDS, { error: "groundRequired" }),
});

export type RemoveOfferInput = z.input<typeof removeOfferSchema>;

/**
 * An admin takes an offer out of the catalogue with a reason: the expert gets a statement of
 * reasons (DSA art. 17) he may contest; he cannot publish the offer again unless it is reversed.
 */
export async function removeOffer(actor: Actor | null, input: RemoveOfferInput): Promise<Result<{ statementId: string }, "invalid" | "not_found" | "already">> {
  const admin = requireRole(actor, "admin");
  const parsed = removeOfferSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { offerId, reason, ground } = parsed.data;
  return db.transaction(async (tx) => {
    const [offer] = await tx.select().from(offers).where(eq(offers.id, offerId)).for("update");
    if (!offer) return fail("not_found");
    if (offer.status === "removed") return fail("already");
    await tx.update(offers).set({ status: "removed", updatedAt: new Date() }).where(eq(offers.id, offer.id));
    await recordAudit(tx, { actor: admin, action: "offer.removed", subjectType: "offer", subjectId: offer.id, fromStatus: offer.status, toStatus: "removed", reason });
    const statementId = await recordStatement(tx, admin, {
      userId: offer.expertUserId,
      restriction: "content_removed",
      subjectType: "offer",
      subjectId: offer.id,
      facts: reason,
      ground,
    });
    return ok({ statementId });
  });
}
