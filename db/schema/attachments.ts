import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { contractMilestones } from "./contracts";
import { messages } from "./conversations";
import { handoverPacks } from "./handover";
import { disputes } from "./payments";
import { retainerTicketMessages, retainerTickets } from "./tickets";

export const disputeSide = pgEnum("dispute_side", ["client", "expert", "admin"]);

/** A dispute's thread: the client, the expert and the admins state their case before a decision. */
export const disputeMessages = pgTable(
  "dispute_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    disputeId: uuid("dispute_id")
      .notNull()
      .references(() => disputes.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    side: disputeSide("side").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.disputeId, t.createdAt), index().on(t.authorId)],
);

/**
 * A file sent with a bid conversation's message, a milestone's delivery, a dispute thread's
 * message, a handover pack (a network diagram), a support ticket as it was opened or a ticket's
 * message: exactly one of the six. The bytes live in private storage under `storageKey`.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "cascade" }),
    deliveryMilestoneId: uuid("delivery_milestone_id").references(() => contractMilestones.id, { onDelete: "cascade" }),
    disputeMessageId: uuid("dispute_message_id").references(() => disputeMessages.id, { onDelete: "cascade" }),
    handoverContractId: uuid("handover_contract_id").references(() => handoverPacks.contractId, { onDelete: "cascade" }),
    ticketId: uuid("ticket_id").references(() => retainerTickets.id, { onDelete: "cascade" }),
    ticketMessageId: uuid("ticket_message_id").references(() => retainerTicketMessages.id, { onDelete: "cascade" }),
    uploadedById: uuid("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    originalName: text("original_name").notNull(),
    storageKey: text("storage_key").notNull().unique(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("attachments_one_owner", sql`num_nonnulls(${t.messageId}, ${t.deliveryMilestoneId}, ${t.disputeMessageId}, ${t.handoverContractId}, ${t.ticketId}, ${t.ticketMessageId}) = 1`),
    index().on(t.messageId),
    index().on(t.deliveryMilestoneId),
    index().on(t.disputeMessageId),
    index().on(t.handoverContractId),
    index().on(t.ticketId),
    index().on(t.ticketMessageId),
    index().on(t.uploadedById),
  ],
);

export type DisputeMessage = typeof disputeMessages.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
