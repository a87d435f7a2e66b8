import { boolean, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
});

export type CatalogSoftware = typeof catalogSoftware.$inferSelect;
export type CatalogCategory = (typeof catalogCategory.enumValues)[number];
