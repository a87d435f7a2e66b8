import "server-only";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { catalogSoftware, expertProfiles, jobSoftware, offers, users, type Offer } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin, requireRole } from "@/lib/auth/policy";
import { bidPrice, type BidPrice } from "@/lib/bids/prices";
import { orderingOrganization } from "./ordering-organization";
import { isUuidLike } from "@/lib/ids";
import { readinessByExpert } from "@/lib/experts/readiness";
import { hiddenByModeration } from "@/lib/moderation/visibility";
import { frenchTextQuery } from "@/lib/search/text-query";
import type { OfferFilters } from "./schemas";

export const OFFERS_PAGE_SIZE = 12;

/**
 * Offers anyone may see: published, by a verified expert whose account is not suspended, and
 * neither the offer nor the profile taken down by a moderation decision.
 */
const publicOffer: SQL = sql`${offers.status} = 'published'
  and ${expertProfiles.status} = 'verified'
  and not exists (select 1 from users u where u.id = ${offers.expertUserId} and u.suspended_at is not null)
  and not exists (select 1 from moderated_content m where m.target_type = 'offer' and m.target_id = ${offers.id} and m.visibility = 'removed')
  and not exists (select 1 from moderated_content m where m.target_type = 'expert' and m.target_id = ${expertProfiles.id})`;

const cardColumns = {
  id: offers.id,
  title: offers.title,
  summary: offers.summary,
  kind: offers.kind,
  priceCents: offers.priceCents,
  deliveryDays: offers.deliveryDays,
  remote: offers.remote,
  departements: offers.departements,
  softwareName: catalogSoftware.name,
  softwareSlug: catalogSoftware.slug,
  expertName: expertProfiles.displayName,
  expertSlug: expertProfiles.slug,
  vatRegime: expertProfiles.vatRegime,
};

export type OfferCard = Awaited<ReturnType<typeof cardsWhere>>[number];

async function cardsWhere(where: SQL | undefined, limit: number, offset = 0) {
  const rows = await db
    .select(cardColumns)
    .from(offers)
    .innerJoin(expertProfiles, eq(expertProfiles.id, offers.profileId))
    .innerJoin(catalogSoftware, eq(catalogSoftware.id, offers.softwareId))
    .where(and(publicOffer, where))
    .orderBy(desc(offers.publishedAt), offers.id)
    .limit(limit)
    .offset(offset);
  // The price as the client would pay it: excluding VAT, the expert's regime, including VAT.
  return rows.map((row) => ({ ...row, price: bidPrice([row.priceCents], row.vatRegime) }));
}

/** The public catalogue: published offers, filtered by text, software, kind, price (euros, excl. VAT), place. */
export async function searchOffers(filters: OfferFilters) {
  const conditions: SQL[] = [];
  if (filters.q) conditions.push(sql`to_tsvector('french', ${offers.title} || ' ' || ${offers.summary} || ' ' || ${catalogSoftware.name}) @@ ${frenchTextQuery(filters.q)}`);
  if (filters.software) conditions.push(eq(catalogSoftware.slug, filters.software));
  if (filters.kind) conditions.push(eq(offers.kind, filters.kind));
  if (filters.maxPrice) conditions.push(sql`${offers.priceCents} <= ${filters.maxPrice * 100}`);
  if (filters.departement && filters.remote) conditions.push(sql`(${filters.departement} = any(${offers.departements}) or ${offers.remote})`);
  else if (filters.departement) conditions.push(sql`${filters.departement} = any(${offers.departements})`);
  else if (filters.remote) conditions.push(eq(offers.remote, true));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [counted]] = await Promise.all([
    cardsWhere(where, OFFERS_PAGE_SIZE, (filters.page - 1) * OFFERS_PAGE_SIZE),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(offers)
      .innerJoin(expertProfiles, eq(expertProfiles.id, offers.profileId))
      .innerJoin(catalogSoftware, eq(catalogSoftware.id, offers.softwareId))
      .where(and(publicOffer, where)),
  ]);
  const total = Number(counted?.count ?? 0);
  return { offers: rows, total, page: filters.page, pages: Math.max(1, Math.ceil(total / OFFERS_PAGE_SIZE)) };
}

/** An expert's published offers, for his public page. */
export function publicOffersOf(profileId: string) {
  return cardsWhere(eq(offers.profileId, profileId), 20);
}

/** Up to three published offers for the need's software, shown beside it. */
export async function offersForJob(jobId: string) {
  if (!isUuidLike(jobId)) return [];
  return cardsWhere(inArray(offers.softwareId, db.select({ id: jobSoftware.softwareId }).from(jobSoftware).where(eq(jobSoftware.jobId, jobId))), 3);
}

/** How many published offers each of these experts has (profile id → count), for the directory. */
export async function offerCounts(profileIds: string[]): Promise<Map<string, number>> {
  if (profileIds.length === 0) return new Map();
  const rows = await db
    .select({ profileId: offers.profileId, count: sql<number>`count(*)::int` })
    .from(offers)
    .innerJoin(expertProfiles, eq(expertProfiles.id, offers.profileId))
    .where(and(publicOffer, inArray(offers.profileId, profileIds)))
    .groupBy(offers.profileId);
  return new Map(rows.map((row) => [row.profileId, Number(row.count)]));
}

export interface OfferView {
  offer: Offer;
  software: { name: string; slug: string };
  expert: { name: string; slug: string; status: string };
  price: BidPrice;
  /** The viewer wrote it: he sees it whatever its status. */
  own: boolean;
}

/**
 * An offer's page: a public offer for anyone; any status for its expert and for admins; nothing
 * (null) otherwise, nor when a moderation decision hides it from this viewer.
 */
export async function getOffer(actor: Actor | null, id: string): Promise<OfferView | null> {
  if (!isUuidLike(id)) return null;
  const [row] = await db
    .select({
      offer: offers,
      software: { name: catalogSoftware.name, slug: catalogSoftware.slug },
      expert: { name: expertProfiles.displayName, slug: expertProfiles.slug, status: expertProfiles.status, vatRegime: expertProfiles.vatRegime },
      isPublic: sql<boolean>`(${publicOffer})`,
    })
    .from(offers)
    .innerJoin(expertProfiles, eq(expertProfiles.id, offers.profileId))
    .innerJoin(catalogSoftware, eq(catalogSoftware.id, offers.softwareId))
    .where(eq(offers.id, id));
  if (!row) return null;
  const own = actor?.id === row.offer.expertUserId;
  if (!row.isPublic && !own && !isAdmin(actor)) return null;
  if (!own && (await hiddenByModeration(db, actor, "offer", id))) return null;
  return {
    offer: row.offer,
    software: row.software,
    expert: row.expert,
    // Priced for the organisation a client would order it for (as a client in France otherwise).
    price: bidPrice(row.offer.milestones.map((m) => m.amountCents), row.expert.vatRegime, actor?.role === "client" ? await orderingOrganization(db, actor.id) : null),
    own,
  };
}

/** The expert's own offers, every status, newest first. */
export async function listMyOffers(actor: Actor | null) {
  const expert = requireRole(actor, "expert");
  return db
    .select({ id: offers.id, title: offers.title, status: offers.status, priceCents: offers.priceCents, softwareName: catalogSoftware.name, updatedAt: offers.updatedAt })
    .from(offers)
    .innerJoin(catalogSoftware, eq(catalogSoftware.id, offers.softwareId))
    .where(eq(offers.expertUserId, expert.id))
    .orderBy(desc(offers.updatedAt));
}

/** One of the expert's own offers, to edit it (null for anyone else's). */
export async function getMyOffer(actor: Actor | null, id: string): Promise<Offer | null> {
  const expert = requireRole(actor, "expert");
  if (!isUuidLike(id)) return null;
  const [row] = await db.select().from(offers).where(and(eq(offers.id, id), eq(offers.expertUserId, expert.id)));
  return row ?? null;
}

/** Whether the signed-in expert may publish offers (verified), for the page's notice. */
export async function myExpertStatus(actor: Actor | null) {
  const expert = requireRole(actor, "expert");
  const [row] = await db.select({ status: expertProfiles.status }).from(expertProfiles).innerJoin(users, eq(users.id, expertProfiles.userId)).where(eq(expertProfiles.userId, expert.id));
  return row?.status ?? null;
}

/** Whether the offer's expert can be paid now (billing mandate, payouts, URSSAF), for the order form's warning. */
export async function offerExpertReadiness(expertUserId: string) {
  return (await readinessByExpert(db, [expertUserId])).get(expertUserId);
}
