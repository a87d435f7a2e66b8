import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { expertProfiles, organizations } from "@/db/schema";
import { getPublicReviews, shortOrganizationName } from "@/lib/reviews/queries";
import { leaveReview } from "@/lib/reviews/reviews";
import { makeCompletedContract } from "./scene";

describe("the clients' reviews on an expert's public profile", () => {
  it("shorten the organisation's name to its first word", () => {
    expect(shortOrganizationName("Boulangerie Martin SARL")).toBe("Boulangerie");
    expect(shortOrganizationName("  Dupont, Fils et Cie ")).toBe("Dupont");
    expect(shortOrganizationName("ACME")).toBe("ACME");
  });

  it("show the average, the count and the latest comments of clients only, signed with a shortened name", async () => {
    const first = await makeCompletedContract();
    await db.update(organizations).set({ legalName: "Boulangerie Martin SARL" }).where(eq(organizations.id, first.organizationId));
    expect(await getPublicReviews({ slug: first.slug })).toEqual({ average: null, count: 0, latest: [] });

    await leaveReview(first.owner, { contractId: first.contractId, rating: 5, comment: "Travail soigné, je recommande." });
    // The expert's review of the client is never public.
    await leaveReview(first.expert, { contractId: first.contractId, rating: 2, comment: "Client difficile à joindre." });

    const shown = await getPublicReviews({ slug: first.slug });
    expect(shown).toMatchObject({ average: 5, count: 1 });
    expect(shown.latest).toEqual([{ id: expect.any(String), rating: 5, comment: "Travail soigné, je recommande.", createdAt: expect.any(Date), organization: "Boulangerie", moderation: null }]);
    expect(JSON.stringify(shown)).not.toContain("Martin SARL");
    expect(JSON.stringify(shown)).not.toContain("Client difficile");

    // A review without a comment counts in the average, but shows no quote.
    const second = await makeCompletedContract();
    await leaveReview(second.owner, { contractId: second.contractId, rating: 2 });
    expect(await getPublicReviews({ slug: second.slug })).toEqual({ average: 2, count: 1, latest: [] });
  });

  it("show nothing for an unknown or unverified profile", async () => {
    const { owner, contractId, slug, expert } = await makeCompletedContract();
    await leaveReview(owner, { contractId, rating: 4, comment: "Bien." });
    expect((await getPublicReviews({ slug })).count).toBe(1);
    await db.update(expertProfiles).set({ status: "suspended" }).where(eq(expertProfiles.id, expert.profileId));
    expect(await getPublicReviews({ slug })).toEqual({ average: null, count: 0, latest: [] });
    expect(await getPublicReviews({ slug: "nobody-here" })).toEqual({ average: null, count: 0, latest: [] });
  });
});
