import { describe, expect, it } from "vitest";
import { ratingsByExpert } from "@/lib/bids/comparison";
import { decideReport, submitReport } from "@/lib/moderation/reports";
import { getJobForViewer } from "@/lib/jobs/queries";
import { hiddenFrom } from "@/lib/moderation/visibility";
import { getPublicReviews } from "@/lib/reviews/queries";
import { leaveReview } from "@/lib/reviews/reviews";
import { makeUser } from "../../helpers/factories";
import { makeCompletedContract } from "./scene";

/** A report about a review (or a need), decided by an admin with `outcome`. */
async function moderateReview(reviewId: string, outcome: "removed" | "restricted", targetType: "review" | "job" = "review") {
  const admin = await makeUser("admin");
  const reported = await submitReport(
    null,
    {
      targetType,
      targetId: reviewId,
      reason: "hate_harassment",
      explanation: "Cet avis insulte nommément la personne et sa famille.",
      location: `/experts/x#review-${reviewId}`,
      name: "Rita Reporter",
      email: `rita-${reviewId.slice(0, 8)}@example.test`,
      goodFaith: true,
    },
    { ip: null, locale: "fr" },
  );
  if (!reported.ok) throw new Error(reported.error);
  const decided = await decideReport(admin, { reportId: reported.value.reportId, outcome, note: "Propos injurieux avérés, avis retiré.", ground: "law_hate_harassment" });
  if (!decided.ok) throw new Error(decided.error);
}

describe("a review removed by moderation", () => {
  it("no longer counts in the expert's rating on the public profile nor in the bid comparison's ranking", async () => {
    const { owner, expert, contractId, slug } = await makeCompletedContract();
    const left = await leaveReview(owner, { contractId, rating: 1, comment: "Un avis injurieux." });
    if (!left.ok) throw new Error(left.error);
    expect(await getPublicReviews({ slug })).toMatchObject({ average: 1, count: 1 });
    expect((await ratingsByExpert([expert.id])).get(expert.id)).toEqual({ average: 1, count: 1 });

    await moderateReview(left.value.reviewId, "removed");
    expect(await getPublicReviews({ slug })).toEqual({ average: null, count: 0, latest: [] });
    expect((await ratingsByExpert([expert.id])).get(expert.id)).toEqual({ average: null, count: 0 });
  });

  it("still counts when it is only restricted to signed-in people", async () => {
    const { owner, expert, contractId, slug } = await makeCompletedContract();
    const left = await leaveReview(owner, { contractId, rating: 3 });
    if (!left.ok) throw new Error(left.error);
    await moderateReview(left.value.reviewId, "restricted");
    expect(await getPublicReviews({ slug })).toMatchObject({ average: 3, count: 1 });
    expect((await ratingsByExpert([expert.id])).get(expert.id)).toEqual({ average: 3, count: 1 });
  });

  it("reaches the public pages in the same statement as the content: a restricted comment, or need, is hidden from visitors only; a removed need from all but admins", async () => {
    const { owner, contractId, slug, jobId } = await makeCompletedContract();
    const left = await leaveReview(owner, { contractId, rating: 4, comment: "Propos limites, mais avis réel." });
    if (!left.ok) throw new Error(left.error);
    await moderateReview(left.value.reviewId, "restricted");
    const [comment] = (await getPublicReviews({ slug })).latest;
    expect(comment?.moderation).toBe("restricted");
    expect([hiddenFrom(null, comment?.moderation), hiddenFrom(owner, comment?.moderation)]).toEqual([true, false]);

    expect((await getJobForViewer(null, jobId))?.moderation).toBeNull();
    await moderateReview(jobId, "removed", "job");
    const need = await getJobForViewer(null, jobId);
    const admin = await makeUser("admin");
    expect(need?.moderation).toBe("removed");
    expect([hiddenFrom(null, need?.moderation), hiddenFrom(owner, need?.moderation), hiddenFrom({ ...admin, secondFactor: "totp" }, need?.moderation)]).toEqual([true, true, false]);
  });
});
