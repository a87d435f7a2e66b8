import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { contractMilestones, trainingAttendees, trainingSessions, type TrainingFacts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import { loadContractFor } from "@/lib/contracts/access";
import { sendEmail } from "@/lib/email/send-email";
import { isUuidLike } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { attendeesSchema, type AttendeesInput } from "./schemas";
import { sessionLine, trainingPlace } from "./text";

export type AddAttendeesError = "invalid" | "not_training" | "closed";

/**
 * A member of the client organisation lists the people it sends to a training contract, up to
 * the number of places in the agreement, each address once. Every new attendee is emailed the
 * session details, in the language of the member who listed them.
 */
export async function addAttendees(actor: Actor | null, input: AttendeesInput): Promise<Result<{ added: number }, AddAttendeesError>> {
  if (!isUuidLike(input.contractId)) throw new PolicyError("forbidden");
  return db.transaction(async (tx) => {
    const { contract, side } = await loadContractFor(tx, actor, input.contractId, { lock: true });
    if (side !== "client" || !actor) throw new PolicyError("forbidden");
    const training = contract.facts.training;
    if (!training) return fail("not_training");
    if (contract.status === "cancelled" || contract.status === "completed") return fail("closed");
    const parsed = attendeesSchema.safeParse(input);
    if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
    const existing = await tx.select({ email: trainingAttendees.email }).from(trainingAttendees).where(eq(trainingAttendees.contractId, contract.id));
    const seen = new Set(existing.map((a) => a.email.toLowerCase()));
    const fields: Record<string, string> = {};
    parsed.data.attendees.forEach((a, i) => {
      if (seen.has(a.email)) fields[`attendees.${i}.email`] ??= "trainingAttendeeDuplicate";
      seen.add(a.email);
    });
    if (existing.length + parsed.data.attendees.length > training.attendeesCount) fields.attendees = "trainingAttendeesOverCount";
    if (Object.keys(fields).length > 0) return fail("invalid", fields);

    await tx.insert(trainingAttendees).values(parsed.data.attendees.map((a) => ({ contractId: contract.id, fullName: a.fullName, email: a.email, addedById: actor.id })));
    const locale = actor.locale;
    const place = trainingPlace(contract.facts, locale);
    for (const attendee of parsed.data.attendees) {
      await sendEmail(tx, {
        template: "training-attendee",
        to: attendee.email,
        idempotencyKey: `training-attendee:${contract.id}:${attendee.email}`,
        props: {
          locale,
          attendeeName: attendee.fullName,
          trainingTitle: contract.facts.job.title,
          organisation: contract.facts.client.legalName,
          trainer: contract.facts.expert.name,
          format: training.format,
          place,
          durationHours: training.durationHours,
          sessions: training.sessions.map((s) => sessionLine(s, locale)),
          objectives: training.objectives,
          prerequisites: training.prerequisites,
        },
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "training.attendees_added",
      subjectType: "contract",
      subjectId: contract.id,
      data: { count: parsed.data.attendees.length },
    });
    return ok({ added: parsed.data.attendees.length });
  });
}

/** A member of the client organisation removes an attendee while the training is not over. */
export async function removeAttendee(actor: Actor | null, input: { contractId: string; attendeeId: string }): Promise<Result<void, "closed">> {
  if (!isUuidLike(input.attendeeId)) throw new PolicyError("forbidden");
  return db.transaction(async (tx) => {
    const { contract, side } = await loadContractFor(tx, actor, input.contractId, { lock: true });
    if (side !== "client" || !actor) throw new PolicyError("forbidden");
    if (contract.status === "cancelled" || contract.status === "completed") return fail("closed");
    const removed = await tx
      .delete(trainingAttendees)
      .where(and(eq(trainingAttendees.id, input.attendeeId), eq(trainingAttendees.contractId, contract.id)))
      .returning({ id: trainingAttendees.id });
    if (removed.length === 0) throw new PolicyError("forbidden");
    await recordAudit(tx, { actorId: actor.id, action: "training.attendee_removed", subjectType: "contract", subjectId: contract.id, data: { attendeeId: input.attendeeId } });
    return ok(undefined);
  });
}

export interface TrainingView {
  training: TrainingFacts;
  sessions: { id: string; position: number; date: string; slot: TrainingFacts["sessions"][number]["slot"]; milestoneStatus: string }[];
  attendees: { id: string; fullName: string; email: string }[];
  side: "client" | "expert" | "admin";
}

/** A training contract's sessions (with the state of the milestone paying each) and attendees, for its parties and admins; null for another contract. */
export async function getTrainingView(actor: Actor | null, contractId: string): Promise<TrainingView | null> {
  const { contract, side } = await loadContractFor(db, actor, contractId);
  const training = contract.facts.training;
  if (!training) return null;
  const sessions = await db
    .select({ id: trainingSessions.id, position: trainingSessions.position, date: trainingSessions.date, slot: trainingSessions.slot, milestoneStatus: contractMilestones.status })
    .from(trainingSessions)
    .innerJoin(contractMilestones, eq(contractMilestones.id, trainingSessions.milestoneId))
    .where(eq(trainingSessions.contractId, contract.id))
    .orderBy(asc(trainingSessions.position));
  const attendees = await db
    .select({ id: trainingAttendees.id, fullName: trainingAttendees.fullName, email: trainingAttendees.email })
    .from(trainingAttendees)
    .where(eq(trainingAttendees.contractId, contract.id))
    .orderBy(asc(sql`lower(${trainingAttendees.fullName})`), asc(trainingAttendees.createdAt));
  return { training, sessions, attendees, side };
}

