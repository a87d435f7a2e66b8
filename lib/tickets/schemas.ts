import { z } from "zod";
import { retainerSeverities } from "@/db/schema/retainers";

export const MAX_TICKET_TEXT = 10_000;

const text = (max: number, error: string) => z.string({ error }).trim().min(1, { error }).max(max, { error });

export const openTicketSchema = z.object({
  contractId: z.string(),
  title: text(200, "tickets.errors.title"),
  severity: z.enum(retainerSeverities, { error: "tickets.errors.severity" }),
  software: text(200, "tickets.errors.software"),
  description: text(MAX_TICKET_TEXT, "tickets.errors.description"),
});
export type OpenTicketInput = z.infer<typeof openTicketSchema>;

export const ticketMessageSchema = z.object({
  ticketId: z.string(),
  body: text(MAX_TICKET_TEXT, "tickets.errors.body"),
});
export type TicketMessageInput = z.infer<typeof ticketMessageSchema>;

export const logTimeSchema = z.object({
  ticketId: z.string(),
  minutes: z.coerce.number({ error: "tickets.errors.minutes" }).int({ error: "tickets.errors.minutes" }).min(1, { error: "tickets.errors.minutes" }).max(1440, { error: "tickets.errors.minutes" }),
  note: text(500, "tickets.errors.note"),
});
export type LogTimeInput = z.infer<typeof logTimeSchema>;

export const submitExtraHoursSchema = z.object({
  contractId: z.string(),
  periodStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "tickets.errors.period" }),
  minutes: z.coerce.number({ error: "tickets.errors.extraMinutes" }).int({ error: "tickets.errors.extraMinutes" }).min(1, { error: "tickets.errors.extraMinutes" }).max(100_000, { error: "tickets.errors.extraMinutes" }),
  note: z.string().trim().max(500, { error: "tickets.errors.note" }).default(""),
});
export type SubmitExtraHoursInput = z.infer<typeof submitExtraHoursSchema>;
