import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, bids, contractMilestones, contracts, emailOutbox, expertProfiles, jobs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { moveOffer } from "@/lib/offers/manage";
import { orderOffer } from "@/lib/offers/order";
import type { OrderInput } from "@/lib/offers/schemas";
import { makeVerifiedExpert } from "../../helpers/bids";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makePublishedOffer } from "../../helpers/offers";

let expert: Actor & { profileId: string };
let owner: Actor;
let member: Actor;
let admin: Actor;
beforeAll(async () => {
  [expert, owner, member, admin] = await Promise.all([makeVerifiedExpert(), makeUser("client", { name: "Claire Martin" }), makeUser("client"), makeUser("admin")]);
  await makeOrganization(owner, [{ actor: member, role: "member" }]);
});

const order = (offerId: string, overrides: Partial<OrderInput> = {}): OrderInput => ({
  offerId,
  answers: ["12 comptes", "cloud.boulangerie-martin.fr"],
  extras: [1],
  place: "69",
  personalData: "yes",
  dataSubjects: ["employees"],
  dataCategories: ["identity", "documents"],
  acceptNotReady: true,
  ...overrides,
});

describe("ordering an offer", () => {
  it("a member of the client's organisation orders: the contract forms from the offer with its milestones, the extra and the answers", async () => {
    const offerId = await makePublishedOffer(expert);
    const result = await orderOffer(member, order(offerId));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [contract] = await db.select().from(contracts).where(eq(contracts.id, result.value.contractId));
    expect(contract).toMatchObject({ offerId, status: "awaiting_documents", totalCents: 195_000, personalData: true, expertUserId: expert.id });
    expect(contract?.facts).toMatchObject({
      job: { title: "Nextcloud pour 10 personnes sur un VPS", software: ["Nextcloud"], departement: "69", dataSubjects: ["employees"] },
      offer: {
        offerId,
        extras: [{ title: "Un mois de support", priceCents: 15_000 }],
        answers: [
          { question: "Combien de comptes faut-il créer ?", answer: "12 comptes" },
          { question: "Quel nom de domaine utiliser ?", answer: "cloud.boulangerie-martin.fr" },
        ],
      },
      milestones: [
        { title: "Installation et sécurisation", amountCents: 120_000 },
        { title: "Comptes et prise en main", amountCents: 60_000 },
        { title: "Un mois de support", amountCents: 15_000 },
      ],
    });
    const milestones = await db.select().from(contractMilestones).where(eq(contractMilestones.contractId, result.value.contractId));
    expect(milestones.map((m) => [m.position, m.amountCents, m.status]).sort()).toEqual([
      [0, 120_000, "pending"],
      [1, 60_000, "pending"],
      [2, 15_000, "pending"],
    ]);
    const [job] = await db.select().from(jobs).where(eq(jobs.id, contract?.jobId ?? ""));
    expect(job).toMatchObject({ status: "in_progress", kind: "installation", remote: false });
    const [bid] = await db.select().from(bids).where(eq(bids.id, contract?.bidId ?? ""));
    expect(bid).toMatchObject({ status: "accepted", totalCents: 195_000, durationDays: 10 });
    const mail = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, expert.email));
    expect(mail.some((m) => m.idempotencyKey === `offer-ordered:${result.value.contractId}` && m.subject.includes("commandée"))).toBe(true);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subjectType, "offer"), eq(auditLog.action, "offer.ordered"), eq(auditLog.subjectId, offerId)));
    expect(audit).toHaveLength(1);
    // The offer stays in the catalogue: another order forms another contract.
    expect((await orderOffer(owner, order(offerId, { extras: [], place: "remote", personalData: "no" }))).ok).toBe(true);
  });

  it("refuses bad input: a question unanswered, an extra that does not exist, a place the offer does not cover, personal data without whose", async () => {
    const offerId = await makePublishedOffer(expert);
    expect(await orderOffer(owner, order(offerId, { answers: ["12 comptes", "  "] }))).toMatchObject({ ok: false, error: "invalid", fields: { "answers.1": "required" } });
    expect(await orderOffer(owner, order(offerId, { extras: [4] }))).toMatchObject({ ok: false, error: "invalid", fields: { extras: "required" } });
    expect(await orderOffer(owner, order(offerId, { place: "75" }))).toMatchObject({ ok: false, error: "invalid", fields: { place: "offerPlace" } });
    expect(await orderOffer(owner, order(offerId, { place: "nowhere" }))).toMatchObject({ ok: false, error: "invalid", fields: { place: "placeRequired" } });
    expect(await orderOffer(owner, order(offerId, { dataSubjects: [] }))).toMatchObject({ ok: false, error: "invalid", fields: { dataSubjects: "dataSubjectsRequired" } });
    expect(await db.select().from(contracts).where(eq(contracts.offerId, offerId))).toHaveLength(0);
  });

  it("refuses an unpublished offer, an expert no longer verified, and an expert not ready unless the client accepts it", async () => {
    const seller = await makeVerifiedExpert();
    const offerId = await makePublishedOffer(seller);
    expect(await orderOffer(owner, order(offerId, { acceptNotReady: false }))).toEqual({ ok: false, error: "expert_not_ready" });
    await moveOffer(seller, offerId, "unpublish");
    expect(await orderOffer(owner, order(offerId))).toEqual({ ok: false, error: "offer_unavailable" });
    await moveOffer(seller, offerId, "publish");
    await db.update(expertProfiles).set({ status: "suspended" }).where(eq(expertProfiles.id, seller.profileId));
    expect(await orderOffer(owner, order(offerId))).toEqual({ ok: false, error: "expert_unavailable" });
  });

  it("refuses a client with no organisation (not allowed to hire), experts, admins and anonymous visitors", async () => {
    const offerId = await makePublishedOffer(expert);
    const loneClient = await makeUser("client");
    expect(await orderOffer(loneClient, order(offerId))).toEqual({ ok: false, error: "no_organization" });
    for (const actor of [expert, admin, null]) await expect(orderOffer(actor, order(offerId))).rejects.toThrow(PolicyError);
    await expect(orderOffer(owner, order("not-an-id"))).rejects.toThrow(PolicyError);
    expect(await db.select().from(contracts).where(eq(contracts.offerId, offerId))).toHaveLength(0);
  });
});
