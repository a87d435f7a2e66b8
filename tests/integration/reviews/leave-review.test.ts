import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contracts, emailOutbox, reviews } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { ratingsByExpert } from "@/lib/bids/comparison";
import { getContractReviews } from "@/lib/reviews/queries";
import { leaveReview } from "@/lib/reviews/reviews";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeVerifiedExpert } from "../../helpers/bids";
import { makeActiveContract } from "../../helpers/contracts";
import { makeCompletedContract } from "./scene";

const reviewsOf = (contractId: string) => db.select().from(reviews).where(eq(reviews.contractId, contractId));
const reviewMail = (to: string) => db.select().from(emailOutbox).where(and(eq(emailOutbox.template, "review"), eq(emailOutbox.toAddress, to)));

describe("leaving a review at the end of a contract", () => {
  it("the client side reviews the expert, then the expert reviews the member who accepted the bid; each side is told", async () => {
    const { owner, member, expert, contractId } = await makeCompletedContract({ withMember: true });

    const byClient = await leaveReview(owner, { contractId, rating: "4", comment: "  Travail soigné et bien expliqué.  " });
    expect(byClient.ok).toBe(true);
    const [clientReview] = await reviewsOf(contractId);
    expect(clientReview).toMatchObject({ side: "client", authorId: owner.id, subjectUserId: expert.id, rating: 4, comment: "Travail soigné et bien expliqué." });
    // The expert is told, and invited to review in turn.
    const expertMail = await reviewMail(expert.email);
    expect(expertMail).toHaveLength(1);
    expect(expertMail[0]?.html).toContain(`/contracts/${contractId}#contract-reviews`);

    const byExpert = await leaveReview(expert, { contractId, rating: 5 });
    expect(byExpert.ok).toBe(true);
    const expertReview = (await reviewsOf(contractId)).find((r) => r.side === "expert");
    // The client member who accepted the bid is the subject; no comment is an empty one.
    expect(expertReview).toMatchObject({ authorId: expert.id, subjectUserId: owner.id, rating: 5, comment: "" });
    // Every member of the client organisation is told.
    expect(await reviewMail(owner.email)).toHaveLength(1);
    expect(await reviewMail(member!.email)).toHaveLength(1);

    const seen = await getContractReviews(member!, contractId);
    expect(seen).toMatchObject({ side: "client", status: "completed", canReview: false });
    expect(seen.bySide.client).toMatchObject({ rating: 4, authorName: "Claire Martin" });
    expect(seen.bySide.expert).toMatchObject({ rating: 5, comment: "" });
  });

  it("any member of the organisation may write the client side's review, once: a second one is refused", async () => {
    const { owner, member, expert, contractId } = await makeCompletedContract({ withMember: true });
    expect(await getContractReviews(owner, contractId)).toMatchObject({ canReview: true });
    expect((await leaveReview(member!, { contractId, rating: 3, comment: "Correct." })).ok).toBe(true);
    expect(await leaveReview(owner, { contractId, rating: 5, comment: "Autre avis" })).toEqual({ ok: false, error: "already_reviewed" });
    expect(await leaveReview(member!, { contractId, rating: 1 })).toEqual({ ok: false, error: "already_reviewed" });
    expect(await getContractReviews(owner, contractId)).toMatchObject({ canReview: false });
    expect((await leaveReview(expert, { contractId, rating: 4 })).ok).toBe(true);
    expect(await leaveReview(expert, { contractId, rating: 2 })).toEqual({ ok: false, error: "already_reviewed" });
    const rows = await reviewsOf(contractId);
    expect(rows.map((r) => [r.side, r.rating]).sort()).toEqual([
      ["client", 3],
      ["expert", 4],
    ]);
    // Refused reviews send nothing: one email to the expert, one per client member.
    expect(await reviewMail(expert.email)).toHaveLength(1);
  });

  it("two concurrent reviews of the same side make one row", async () => {
    const { owner, member, contractId } = await makeCompletedContract({ withMember: true });
    const results = await Promise.all([
      leaveReview(owner, { contractId, rating: 5, comment: "Excellent" }),
      leaveReview(member!, { contractId, rating: 2, comment: "Moyen" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "already_reviewed" }]);
    expect(await reviewsOf(contractId)).toHaveLength(1);
  });

  it("without the accepting member any more, the expert's review is about an owner of the organisation", async () => {
    const { owner, expert, contractId } = await makeCompletedContract();
    await db.update(contracts).set({ acceptedById: null }).where(eq(contracts.id, contractId));
    expect((await leaveReview(expert, { contractId, rating: 4 })).ok).toBe(true);
    expect((await reviewsOf(contractId))[0]?.subjectUserId).toBe(owner.id);
  });

  it("a contract that is not completed cannot be reviewed", async () => {
    const { owner, expert, contractId } = await makeActiveContract();
    expect(await leaveReview(owner, { contractId, rating: 5 })).toEqual({ ok: false, error: "illegal_transition" });
    expect(await leaveReview(expert, { contractId, rating: 5 })).toEqual({ ok: false, error: "illegal_transition" });
    expect(await getContractReviews(owner, contractId)).toMatchObject({ status: "active", canReview: false });
    expect(await reviewsOf(contractId)).toHaveLength(0);
  });

  it("refuses anyone but the two parties: anonymous, another organisation's member, another expert, an admin", async () => {
    const { contractId } = await makeCompletedContract();
    const outsider = await makeUser("client");
    await makeOrganization(outsider);
    const otherExpert = await makeVerifiedExpert();
    const admin = await makeUser("admin");
    const noRole = await makeUser(null);

    await expect(leaveReview(null, { contractId, rating: 5 })).rejects.toMatchObject({ code: "unauthenticated" });
    for (const actor of [outsider, otherExpert, admin, noRole]) {
      await expect(leaveReview(actor, { contractId, rating: 5 }), actor.role ?? "no role").rejects.toBeInstanceOf(PolicyError);
      await expect(leaveReview(actor, { contractId, rating: 5 })).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(leaveReview(outsider, { contractId: "not-a-uuid", rating: 5 })).rejects.toMatchObject({ code: "forbidden" });
    expect(await reviewsOf(contractId)).toHaveLength(0);

    // Admins read the reviews (and may not write any); outsiders do not even read them.
    expect(await getContractReviews(admin, contractId)).toMatchObject({ side: "admin", canReview: false });
    await expect(getContractReviews(outsider, contractId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getContractReviews(otherExpert, contractId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getContractReviews(null, contractId)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("validates the rating (a whole number from 1 to 5) and the comment (2 000 characters at most)", async () => {
    const { owner, contractId } = await makeCompletedContract();
    for (const rating of [0, 6, 3.5, "", "abc", "-1"]) {
      expect(await leaveReview(owner, { contractId, rating }), String(rating)).toEqual({ ok: false, error: "invalid", fields: { rating: "rating" } });
    }
    expect(await leaveReview(owner, { contractId, rating: 4, comment: "a".repeat(2001) })).toEqual({ ok: false, error: "invalid", fields: { comment: "commentTooLong" } });
    expect(await reviewsOf(contractId)).toHaveLength(0);
    // Line breaks count once (as the browser counts them), whatever the form sends.
    const comment = "ligne\r\n".repeat(333) + "ab"; // 333 × 6 + 2 = 2 000 characters once normalised
    expect((await leaveReview(owner, { contractId, rating: "5", comment })).ok).toBe(true);
    expect((await reviewsOf(contractId))[0]?.comment).toHaveLength(2000);
  });

  it("the bid comparison's ratings count a new review of the expert", async () => {
    const { owner, expert, contractId } = await makeCompletedContract();
    expect((await ratingsByExpert([expert.id])).get(expert.id)).toEqual({ average: null, count: 0 });
    await leaveReview(owner, { contractId, rating: 4 });
    expect((await ratingsByExpert([expert.id])).get(expert.id)).toEqual({ average: 4, count: 1 });

    // The expert's review of the client is about the client: the expert's rating does not move.
    await leaveReview(expert, { contractId, rating: 1 });
    expect((await ratingsByExpert([expert.id])).get(expert.id)).toEqual({ average: 4, count: 1 });
  });
});
