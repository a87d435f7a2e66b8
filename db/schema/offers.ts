import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { catalogSoftware } from "./catalog";
import { expertProfiles } from "./experts";
import { jobKind } from "./jobs";

/**
 * `draft` while the expert writes it; `published` in the public catalogue; `unpublished` when the
 * expert took it down (he may publish it again); `removed` when an admin took it down with a
 * statement of reasons (the expert may no longer publish it).
 */
export const offerStatus = pgEnum("offer_status", ["draft", "published", "unpublished", "removed"]);

/** One step of an offer's price: the milestones add up to the offer's price. */
export interface OfferMilestone {
  title: string;
  amountCents: number;
}

/** An option the client may add when ordering (training hours, a support retainer…), excluding VAT. */
export interface OfferExtra {
  title: string;
  priceCents: number;
}

/** A verified expert's fixed-price package, ordered directly by a client. Amounts exclude VAT. */
export const offers = pgTable(
  "offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    expertUserId: uuid("expert_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => expertProfiles.id, { onDelete: "cascade" }),
    softwareId: uuid("software_id")
      .notNull()
      .references(() => catalogSoftware.id, { onDelete: "restrict" }),
    status: offerStatus("status").notNull().default("draft"),
    kind: jobKind("kind").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    included: text("included").notNull(),
    excluded: text("excluded").notNull().default(""),
    prerequisites: text("prerequisites").notNull().default(""),
    /** Monthly price range of the server the prerequisites ask for (e.g. a VPS), excluding VAT. */
    hostingMinCents: integer("hosting_min_cents"),
    hostingMaxCents: integer("hosting_max_cents"),
    deliveryDays: integer("delivery_days").notNull(),
    priceCents: integer("price_cents").notNull(),
    milestones: jsonb("milestones").$type<OfferMilestone[]>().notNull(),
    extras: jsonb("extras").$type<OfferExtra[]>().notNull().default([]),
    remote: boolean("remote").notNull(),
    departements: text("departements").array().notNull().default(sql`'{}'`),
    /** What the client must answer when ordering (users to create, domain name…). */
    questions: jsonb("questions").$type<string[]>().notNull().default([]),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.expertUserId),
    index().on(t.profileId),
    index().on(t.softwareId, t.status),
    index().on(t.status, t.publishedAt),
    check("offer_price_positive", sql`${t.priceCents} > 0`),
    check("offer_delivery_positive", sql`${t.deliveryDays} > 0`),
  ],
);

export type Offer = typeof offers.$inferSelect;
export type OfferStatus = (typeof offerStatus.enumValues)[number];
