import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { compareBidsForJob } from "@/lib/bids/comparison";
import { makeBid } from "../../helpers/bids";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";
import { addQualiopi, saveTerms } from "../../helpers/training";

let owner: Actor;
let member: Actor;
let outsider: Actor;
let jobId: string;
let stated: { expert: Actor; bidId: string };
let qualiopi: { expert: Actor; bidId: string };
let silent: { expert: Actor; bidId: string };
beforeAll(async () => {
  owner = await makeUser("client");
  member = await makeUser("client");
  await makeOrganization(owner, [{ actor: member, role: "member" }]);
  outsider = await makeUser("client");
  await makeOrganization(outsider);
  jobId = await makeJob(owner, { kind: "training", title: "Former l’équipe à Nextcloud" });
  stated = await makeBid(jobId);
  await saveTerms(stated.expert, stated.bidId);
  qualiopi = await makeBid(jobId);
  await addQualiopi(qualiopi.expert);
  await saveTerms(qualiopi.expert, qualiopi.bidId, {
    qualiopiCertified: true,
    priceBasis: "per_person",
    unitPrice: "250",
    attendeesCount: 4,
    format: "remote",
    durationHours: 7,
    sessions: [{ date: "2027-03-10", slot: "full_day" }],
    activityDeclarationNumber: "11 75 54321 75",
  });
  silent = await makeBid(jobId);
});

describe("the training terms in the bid comparison", () => {
  it("gives the job's members each bid's hours, format, sessions, price basis, unit price, Qualiopi and declaration number, or none when not stated", async () => {
    for (const reader of [owner, member]) {
      const list = await compareBidsForJob(reader, jobId);
      const byBid = new Map(list.map((bid) => [bid.id, bid]));
      expect(byBid.get(stated.bidId)?.kindTerms).toMatchObject({
        kind: "training",
        training: {
          durationHours: 10,
          format: "on_site",
          sessions: [
            { date: "2027-03-08", slot: "full_day" },
            { date: "2027-03-15", slot: "morning" },
          ],
          priceBasis: "per_session",
          unitPriceCents: 90_000,
          qualiopiCertified: false,
          activityDeclarationNumber: "84691234569",
        },
      });
      // Per person: 4 × 250 € in one session; the bid's total follows.
      const remote = byBid.get(qualiopi.bidId);
      expect(remote?.kindTerms).toMatchObject({ kind: "training", training: { priceBasis: "per_person", unitPriceCents: 25_000, qualiopiCertified: true, format: "remote", activityDeclarationNumber: "11755432175" } });
      expect(remote?.price.exVatCents).toBe(100_000);
      expect(byBid.get(silent.bidId)?.kindTerms).toBeNull();
    }
  });

  it("has no kind-specific terms for another kind of need", async () => {
    const installation = await makeJob(owner, { kind: "installation" });
    const bid = await makeBid(installation);
    expect((await compareBidsForJob(owner, installation)).find((b) => b.id === bid.bidId)?.kindTerms).toBeNull();
  });

  it("is refused to another organisation, to the bidding experts, to visitors, and for a bad job id", async () => {
    await expect(compareBidsForJob(outsider, jobId)).rejects.toThrow(PolicyError);
    await expect(compareBidsForJob(stated.expert, jobId)).rejects.toThrow(PolicyError);
    await expect(compareBidsForJob(null, jobId)).rejects.toThrow(PolicyError);
    // A malformed or unknown job is refused the same way, revealing nothing.
    await expect(compareBidsForJob(owner, "not-a-uuid")).rejects.toThrow(PolicyError);
    await expect(compareBidsForJob(owner, "00000000-0000-4000-8000-000000000000")).rejects.toThrow(PolicyError);
  });
});
