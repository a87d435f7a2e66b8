import { z } from "zod";
import { retainerSeverities } from "@/db/schema/retainers";

export const MAX_TICKET_TEXT = 10_000;

/** Field errors are keys of the `validation` namespace. */
const text = (max: number) => z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "tooLong" });

export const openTicketSchema = z.object({
  contractId: z.string(),
  title: text(200),
  severity: z.enum(retainerSeverities, { error: "ticketSeverity" }),
  software: text(200),
  description: text(MAX_TICKET_TEXT),
});
export type OpenTicketInput = z.infer<typeof openTicketSchema>;

export const ticketMessageSchema = z.object({
  ticketId: z.string(),
  body: text(MAX_TICKET_TEXT),
});
export type TicketMessageInput = z.infer<typeof ticketMessageSchema>;

export const logTimeSchema = z.object({
  ticketId: z.string(),
  minutes: z.coerce.number({ error: "ticketMinutes" }).int({ error: "ticketMinutes" }).min(1, { error: "ticketMinutes" }).max(1440, { error: "ticketMinutes" }),
  note: text(500),
});
export type LogTimeInput = z.infer<typeof logTimeSchema>;

export const submitExtraHoursSchema = z.object({
  contractId: z.string(),
  periodStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date" }),
  minutes: z.coerce.number({ error: "ticketExtraMinutes" }).int({ error: "ticketExtraMinutes" }).min(1, { error: "ticketExtraMinutes" }).max(100_000, { error: "ticketExtraMinutes" }),
  note: z.string().trim().max(500, { error: "tooLong" }).default(""),
});
export type SubmitExtraHoursInput = z.infer<typeof submitExtraHoursSchema>;

export const refuseExtraHoursSchema = z.object({
  contractId: z.string(),
  periodStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date" }),
  reason: z.string({ error: "ticketRefusalReason" }).trim().min(1, { error: "ticketRefusalReason" }).max(2000, { error: "tooLong" }),
});
export type RefuseExtraHoursInput = z.infer<typeof refuseExtraHoursSchema>;
