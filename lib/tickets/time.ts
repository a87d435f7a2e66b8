import "server-only";
import { db } from "@/db/client";
import { retainerTicketTime } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { parisDay } from "@/lib/dates";
import { ok, type Result } from "@/lib/result";
import { loadTicketFor } from "./access";
import type { LogTimeInput } from "./schemas";

/** The expert logs time spent on a ticket (today, Paris day): it counts against the month's included hours. */
export async function logTicketTime(actor: Actor | null, input: LogTimeInput, now = new Date()): Promise<Result<void, never>> {
  return db.transaction(async (tx) => {
    const { ticket, side } = await loadTicketFor(tx, actor, input.ticketId, { lock: true });
    if (side !== "expert" || !actor) throw new PolicyError("forbidden");
    await tx.insert(retainerTicketTime).values({ ticketId: ticket.id, expertUserId: actor.id, minutes: input.minutes, note: input.note, workedOn: parisDay(now), createdAt: now });
    return ok(undefined);
  });
}
