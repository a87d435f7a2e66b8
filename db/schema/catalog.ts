import { sql, type SQL } from "drizzle-orm";
import { boolean, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tsvector } from "./tsvector";

export const catalogCategory = pgEnum("catalog_category", [
  "collaboration",
  "erp_crm",
  "mail",
  "network_vpn",
  "virtualisation",
  "backup",
  "security",
  "operating_system",
  "web_cms",
  "monitoring",
  "office",
  "devops",
]);

export const catalogSoftware = pgTable("catalog_software", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  category: catalogCategory("category").notNull(),
  licence: text("licence").notNull(),
  website: text("website").notNull(),
  descriptionFr: text("description_fr").notNull(),
  descriptionEn: text("description_en").notNull(),
  sill: boolean("sill").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** The name and slug as French search words, stored: the directory's search matches its software here (lib/experts/directory.ts). */
  search: tsvector("search").generatedAlwaysAs((): SQL => sql`to_tsvector('french', ${catalogSoftware.name} || ' ' || ${catalogSoftware.slug})`),
});

export type CatalogSoftware = typeof catalogSoftware.$inferSelect;
export type CatalogCategory = (typeof catalogCategory.enumValues)[number];
