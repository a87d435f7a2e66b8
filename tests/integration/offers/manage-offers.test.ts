import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, emailOutbox, offers, statementsOfReasons } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { decideComplaint, fileComplaint } from "@/lib/moderation/complaints";
import { moveOffer, removeOffer, saveOffer } from "@/lib/offers/manage";
import { getOffer, offerCounts, offersForJob, publicOffersOf, searchOffers } from "@/lib/offers/queries";
import { offerFiltersSchema } from "@/lib/offers/schemas";
import { makeVerifiedExpert } from "../../helpers/bids";
import { makeCompleteExpert, softwareId } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";
import { makePublishedOffer, offerInput } from "../../helpers/offers";

let expert: Actor & { profileId: string };
let other: Actor & { profileId: string };
let admin: Actor;
let client: Actor;
beforeAll(async () => {
  [expert, other, admin, client] = await Promise.all([makeVerifiedExpert(), makeVerifiedExpert(), makeUser("admin"), makeUser("client")]);
  await makeOrganization(client);
});

const filters = (query: Record<string, string> = {}) => offerFiltersSchema.parse(query);

describe("an expert's offers", () => {
  it("a verified expert writes a draft, publishes it, edits it and takes it down; each step audited", async () => {
    const saved = await saveOffer(expert, null, await offerInput());
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const { offerId } = saved.value;
    const [draft] = await db.select().from(offers).where(eq(offers.id, offerId));
    expect(draft).toMatchObject({
      status: "draft",
      priceCents: 180_000,
      hostingMinCents: 800,
      hostingMaxCents: 2000,
      departements: ["69", "01"],
      questions: ["Combien de comptes faut-il créer ?", "Quel nom de domaine utiliser ?"],
      milestones: [{ title: "Installation et sécurisation", amountCents: 120_000 }, { title: "Comptes et prise en main", amountCents: 60_000 }],
      extras: [{ title: "Deux heures de formation", priceCents: 20_000 }, { title: "Un mois de support", priceCents: 15_000 }],
    });
    expect(await getOffer(null, offerId)).toBeNull();
    expect((await getOffer(expert, offerId))?.own).toBe(true);

    expect(await moveOffer(expert, offerId, "publish")).toEqual({ ok: true, value: null });
    expect(await moveOffer(expert, offerId, "publish")).toEqual({ ok: false, error: "illegal_transition" });
    const view = await getOffer(null, offerId);
    expect(view?.price).toMatchObject({ exVatCents: 180_000 });
    expect((await saveOffer(expert, offerId, await offerInput({ title: "Nextcloud pour 20 personnes", price: "2 000", milestones: [{ title: "Tout", amount: "2 000" }] }))).ok).toBe(true);
    const [edited] = await db.select().from(offers).where(eq(offers.id, offerId));
    expect(edited).toMatchObject({ status: "published", title: "Nextcloud pour 20 personnes", priceCents: 200_000 });

    expect(await moveOffer(expert, offerId, "unpublish")).toEqual({ ok: true, value: null });
    expect(await getOffer(null, offerId)).toBeNull();
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.subjectType, "offer"), eq(auditLog.subjectId, offerId)));
    expect(audit.map((a) => a.action).sort()).toEqual(["offer.created", "offer.edited", "offer.publish", "offer.unpublish"]);
  });

  it("refuses bad input field by field: milestones that do not add up, no place, a bad departement, hosting range reversed", async () => {
    const result = await saveOffer(
      expert,
      null,
      await offerInput({ title: "x", price: "1 000", remote: false, departements: "", hostingMin: "30", hostingMax: "10", deliveryDays: 0 }),
    );
    expect(result).toEqual({
      ok: false,
      error: "invalid",
      fields: expect.objectContaining({ title: "offerTitle", deliveryDays: "offerDelivery", hostingMax: "hostingOrder", milestones: "milestoneSum", departements: "placeRequired" }),
    });
    expect(await saveOffer(expert, null, await offerInput({ departements: "75, 999" }))).toMatchObject({ ok: false, fields: { departements: "departements" } });
    expect(await saveOffer(expert, null, await offerInput({ softwareId: "00000000-0000-4000-8000-000000000000" }))).toMatchObject({ ok: false, fields: { softwareId: "required" } });
    expect(await saveOffer(expert, null, await offerInput({ kind: "hacking" }))).toMatchObject({ ok: false, fields: { kind: "jobKind" } });
  });

  it("refuses an unverified expert, another expert's offer, a client and an admin", async () => {
    const { actor: unverified } = await makeCompleteExpert();
    expect(await saveOffer(unverified, null, await offerInput())).toEqual({ ok: false, error: "not_verified" });
    const offerId = await makePublishedOffer(expert);
    await expect(saveOffer(other, offerId, await offerInput())).rejects.toThrow(PolicyError);
    await expect(moveOffer(other, offerId, "unpublish")).rejects.toThrow(PolicyError);
    await expect(saveOffer(client, null, await offerInput())).rejects.toThrow(PolicyError);
    await expect(moveOffer(admin, offerId, "unpublish")).rejects.toThrow(PolicyError);
    await expect(moveOffer(null, offerId, "unpublish")).rejects.toThrow(PolicyError);
    await expect(moveOffer(other, "not-an-id", "publish")).rejects.toThrow(PolicyError);
  });
});

describe("the admin takes an offer down", () => {
  it("removes it with a statement of reasons the expert is emailed; he cannot publish it again", async () => {
    const offerId = await makePublishedOffer(expert, { title: "Offre à retirer du catalogue" });
    const removed = await removeOffer(admin, { offerId, reason: "Le prix affiché ne correspond pas au travail décrit.", ground: "terms_accuracy" });
    expect(removed.ok).toBe(true);
    if (!removed.ok) return;
    const [statement] = await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.id, removed.value.statementId));
    expect(statement).toMatchObject({ userId: expert.id, restriction: "content_removed", subjectType: "offer", subjectId: offerId, ground: "terms_accuracy" });
    const mail = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, expert.email));
    expect(mail.some((m) => m.idempotencyKey.includes(removed.value.statementId))).toBe(true);
    expect(await getOffer(null, offerId)).toBeNull();
    expect((await getOffer(expert, offerId))?.offer.status).toBe("removed");
    expect(await moveOffer(expert, offerId, "publish")).toEqual({ ok: false, error: "removed" });
    expect(await removeOffer(admin, { offerId, reason: "Une deuxième fois, pour voir.", ground: "terms_accuracy" })).toEqual({ ok: false, error: "already" });
  });

  it("a complaint that reverses the removal gives the offer back to its expert, unpublished", async () => {
    const offerId = await makePublishedOffer(expert, { title: "Offre retirée puis rendue" });
    const removed = await removeOffer(admin, { offerId, reason: "Le prix affiché ne correspond pas au travail décrit.", ground: "terms_accuracy" });
    if (!removed.ok) throw new Error("not removed");
    const complaint = await fileComplaint(expert, { statementId: removed.value.statementId, body: "Le prix comprend bien tout ce qui est décrit, voici pourquoi." });
    if (!complaint.ok) throw new Error(`complaint refused: ${JSON.stringify(complaint)}`);
    const secondAdmin = await makeUser("admin");
    expect((await decideComplaint(secondAdmin, { complaintId: complaint.value.complaintId, outcome: "reversed", answer: "Après relecture, l’offre est conforme." })).ok).toBe(true);
    expect((await getOffer(expert, offerId))?.offer.status).toBe("unpublished");
    expect(await moveOffer(expert, offerId, "publish")).toEqual({ ok: true, value: null });
  });

  it("refuses a missing reason or ground, and anyone but an admin", async () => {
    const offerId = await makePublishedOffer(expert);
    expect(await removeOffer(admin, { offerId, reason: "court", ground: "nope" })).toMatchObject({ ok: false, error: "invalid", fields: { reason: "decisionReason", ground: "groundRequired" } });
    for (const actor of [expert, other, client, null]) {
      await expect(removeOffer(actor, { offerId, reason: "Le prix affiché ne correspond pas.", ground: "terms_accuracy" })).rejects.toThrow(PolicyError);
    }
    expect((await getOffer(null, offerId))?.offer.status).toBe("published");
  });
});

describe("the public catalogue", () => {
  it("filters by text, software, kind, price, departement and remote; counts and lists offers per expert and per need", async () => {
    const seller = await makeVerifiedExpert();
    const vpn = await makePublishedOffer(seller, {
      title: "Tunnel WireGuard entre deux bureaux",
      softwareId: await softwareId("wireguard"),
      kind: "installation",
      price: "900",
      milestones: [{ title: "Tunnel", amount: "900" }],
      remote: false,
      departements: "33",
    });
    const cloud = await makePublishedOffer(seller, { kind: "training", price: "3 000", milestones: [{ title: "Formation", amount: "3 000" }] });
    const ids = async (query: Record<string, string>) => (await searchOffers(filters(query))).offers.map((o) => o.id);
    expect(await ids({ q: "wireguard" })).toContain(vpn);
    expect(await ids({ q: "wireguard" })).not.toContain(cloud);
    expect(await ids({ software: "wireguard" })).toEqual([vpn]);
    expect(await ids({ kind: "training" })).toContain(cloud);
    expect(await ids({ kind: "training" })).not.toContain(vpn);
    expect(await ids({ maxPrice: "1000" })).toContain(vpn);
    expect(await ids({ maxPrice: "1000" })).not.toContain(cloud);
    expect(await ids({ departement: "33" })).toContain(vpn);
    expect(await ids({ departement: "33" })).not.toContain(cloud);
    expect(await ids({ remote: "1" })).toContain(cloud);
    expect(await ids({ remote: "1" })).not.toContain(vpn);
    expect(filters({ maxPrice: "abc", kind: "x", departement: "999" })).toMatchObject({ maxPrice: undefined, kind: undefined, departement: undefined });

    expect((await publicOffersOf(seller.profileId)).map((o) => o.id).sort()).toEqual([vpn, cloud].sort());
    expect((await offerCounts([seller.profileId])).get(seller.profileId)).toBe(2);
    const jobId = await makeJob(client, { software: ["wireguard"] });
    expect((await offersForJob(jobId)).map((o) => o.id)).toContain(vpn);
    expect((await offersForJob(jobId)).length).toBeLessThanOrEqual(3);
  });
});
