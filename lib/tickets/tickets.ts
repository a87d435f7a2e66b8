import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { retainerTicketMessages, retainerTickets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { checkAttachments, insertAttachments, withStoredFiles, type UploadedFile } from "@/lib/attachments/store";
import { recordAudit } from "@/lib/audit/record";
import { fail, ok, type Result } from "@/lib/result";
import { loadRetainerFor, loadTicketFor, retainerServing } from "./access";
import { TICKET_FILE_LIMITS } from "./file-limits";
import { notifyTicket, ticketPath } from "./notify";
import type { OpenTicketInput, TicketMessageInput } from "./schemas";
import { workingDeadline } from "./working-hours";

export type OpenTicketError = "ended" | "software" | "invalid";

/** The form's files, when it sent any. */
type WithFiles = { files?: UploadedFile[] | null };

/** The files checked against the ticket limits: a refusal names the form's `files` field. */
function checkTicketFiles(files: UploadedFile[] | null | undefined) {
  const checked = checkAttachments(files, TICKET_FILE_LIMITS);
  return checked.ok ? checked : { ok: false as const, refusal: fail("invalid", { files: checked.error }) };
}

/**
 * A member of the client organisation opens a ticket on a retainer contract, with up to five
 * files (stored before the transaction, removed again when it refuses): the first-response
 * deadline is the severity's target counted in the retainer's working hours from now.
 */
export async function openTicket(actor: Actor | null, input: OpenTicketInput & WithFiles, now = new Date()): Promise<Result<{ ticketId: string }, OpenTicketError>> {
  // The policy before anything is read from the form or written to storage.
  const { side } = await loadRetainerFor(db, actor, input.contractId);
  if (side !== "client") throw new PolicyError("forbidden");
  const checked = checkTicketFiles(input.files);
  if (!checked.ok) return checked.refusal;
  return withStoredFiles(checked.files, (stored) =>
    db.transaction(async (tx) => {
      const { contract, side, retainer } = await loadRetainerFor(tx, actor, input.contractId);
      if (side !== "client" || !actor) throw new PolicyError("forbidden");
      if (!retainerServing(contract, retainer)) return fail("ended");
      const software = retainer.coveredSoftware.find((name) => name.toLowerCase() === input.software.trim().toLowerCase());
      if (!software) return fail("software", { software: "ticketSoftware" });
      const targetHours = retainer.responseHours[input.severity];
      const [ticket] = await tx
        .insert(retainerTickets)
        .values({
          contractId: contract.id,
          openedById: actor.id,
          title: input.title,
          severity: input.severity,
          software,
          description: input.description,
          targetHours,
          responseDueAt: workingDeadline(now, targetHours * 60, retainer.workingHours),
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: retainerTickets.id });
      if (!ticket) throw new Error("ticket not inserted");
      await insertAttachments(tx, stored, { ticketId: ticket.id }, actor.id);
      await recordAudit(tx, { actorId: actor.id, action: "ticket.opened", subjectType: "contract", subjectId: contract.id, data: { ticketId: ticket.id, severity: input.severity, files: stored.length } });
      await notifyTicket(tx, contract, { event: "opened", audiences: ["expert"], ticketTitle: input.title, path: ticketPath(contract.id, ticket.id), key: ticket.id, files: stored.length });
      return ok({ ticketId: ticket.id });
    }),
  );
}

export type TicketMessageError = "resolved" | "invalid";

/**
 * The expert or a client member writes in a ticket's thread, with up to five files. The expert's
 * first message stops the response clock (a late one records the breach if the task has not yet).
 */
export async function postTicketMessage(actor: Actor | null, input: TicketMessageInput & WithFiles, now = new Date()): Promise<Result<{ messageId: string }, TicketMessageError>> {
  const { side } = await loadTicketFor(db, actor, input.ticketId);
  if (side !== "client" && side !== "expert") throw new PolicyError("forbidden");
  const checked = checkTicketFiles(input.files);
  if (!checked.ok) return checked.refusal;
  return withStoredFiles(checked.files, (stored) =>
    db.transaction(async (tx) => {
      const { ticket, contract, side } = await loadTicketFor(tx, actor, input.ticketId, { lock: true });
      if ((side !== "client" && side !== "expert") || !actor) throw new PolicyError("forbidden");
      if (ticket.status === "resolved") return fail("resolved");
      const [message] = await tx.insert(retainerTicketMessages).values({ ticketId: ticket.id, authorId: actor.id, side, body: input.body, createdAt: now }).returning({ id: retainerTicketMessages.id });
      if (!message) throw new Error("ticket message not inserted");
      await insertAttachments(tx, stored, { ticketMessageId: message.id }, actor.id);
      const firstAnswer = side === "expert" && !ticket.firstResponseAt;
      await tx
        .update(retainerTickets)
        .set({
          updatedAt: now,
          ...(firstAnswer ? { firstResponseAt: now, breachedAt: ticket.breachedAt ?? (now > ticket.responseDueAt ? now : null) } : {}),
        })
        .where(eq(retainerTickets.id, ticket.id));
      await notifyTicket(tx, contract, {
        event: side === "expert" ? "answered" : "clientReplied",
        audiences: [side === "expert" ? "client" : "expert"],
        ticketTitle: ticket.title,
        path: ticketPath(contract.id, ticket.id),
        key: message.id,
        files: stored.length,
      });
      return ok({ messageId: message.id });
    }),
  );
}

export type TicketStatusError = "not_open" | "not_resolved";

/** The expert resolves (closes) an open ticket. */
export async function resolveTicket(actor: Actor | null, input: { ticketId: string }, now = new Date()): Promise<Result<void, TicketStatusError>> {
  return db.transaction(async (tx) => {
    const { ticket, contract, side } = await loadTicketFor(tx, actor, input.ticketId, { lock: true });
    if (side !== "expert" || !actor) throw new PolicyError("forbidden");
    if (ticket.status !== "open") return fail("not_open");
    await tx.update(retainerTickets).set({ status: "resolved", resolvedAt: now, updatedAt: now }).where(eq(retainerTickets.id, ticket.id));
    await recordAudit(tx, { actorId: actor.id, action: "ticket.resolved", subjectType: "contract", subjectId: contract.id, data: { ticketId: ticket.id } });
    await notifyTicket(tx, contract, { event: "resolved", audiences: ["client"], ticketTitle: ticket.title, path: ticketPath(contract.id, ticket.id), key: `${ticket.id}:${now.getTime()}` });
    return ok(undefined);
  });
}

/** A client member reopens a resolved ticket (its response clock does not restart). */
export async function reopenTicket(actor: Actor | null, input: { ticketId: string }, now = new Date()): Promise<Result<void, TicketStatusError>> {
  return db.transaction(async (tx) => {
    const { ticket, contract, side } = await loadTicketFor(tx, actor, input.ticketId, { lock: true });
    if (side !== "client" || !actor) throw new PolicyError("forbidden");
    if (ticket.status !== "resolved") return fail("not_resolved");
    await tx.update(retainerTickets).set({ status: "open", resolvedAt: null, reopenedAt: now, updatedAt: now }).where(eq(retainerTickets.id, ticket.id));
    await recordAudit(tx, { actorId: actor.id, action: "ticket.reopened", subjectType: "contract", subjectId: contract.id, data: { ticketId: ticket.id } });
    await notifyTicket(tx, contract, { event: "reopened", audiences: ["expert"], ticketTitle: ticket.title, path: ticketPath(contract.id, ticket.id), key: `${ticket.id}:${now.getTime()}` });
    return ok(undefined);
  });
}
