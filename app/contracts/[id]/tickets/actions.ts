"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import { uploadedFiles } from "@/lib/actions/uploaded-file";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { approveExtraHours, refuseExtraHours, submitExtraHours } from "@/lib/tickets/extra-hours";
import { logTimeSchema, openTicketSchema, refuseExtraHoursSchema, submitExtraHoursSchema, ticketMessageSchema } from "@/lib/tickets/schemas";
import { logTicketTime } from "@/lib/tickets/time";
import { openTicket, postTicketMessage, reopenTicket, resolveTicket } from "@/lib/tickets/tickets";

const refused = (code: string) => `tickets.error_${code}`;
const refreshed = (): FormState => {
  revalidatePath("/contracts", "layout");
  return { status: "success" };
};

/** A client member opens a ticket, with its files; on success, its page. */
export async function openTicketAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: openTicketSchema,
    run: async (input, form) => openTicket(await currentActor(), { ...input, files: await uploadedFiles(form) }),
    refused,
    done: ({ ticketId }, { contractId }) => {
      revalidatePath(`/contracts/${contractId}/tickets`);
      redirect(`/contracts/${contractId}/tickets/${ticketId}`);
    },
  });
}

/** The expert or a client member writes in a ticket's thread, with files. */
export async function postTicketMessageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: ticketMessageSchema,
    run: async (input, form) => postTicketMessage(await currentActor(), { ...input, files: await uploadedFiles(form) }),
    refused,
    done: refreshed,
  });
}

/** The expert logs time on a ticket. */
export async function logTicketTimeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, { schema: logTimeSchema, run: async (input) => logTicketTime(await currentActor(), input), refused, done: refreshed });
}

const ticketForm = z.object({ ticketId: text() });

/** The expert resolves a ticket. */
export async function resolveTicketAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, { schema: ticketForm, run: async (input) => resolveTicket(await currentActor(), input), refused, done: refreshed });
}

/** A client member reopens a resolved ticket. */
export async function reopenTicketAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, { schema: ticketForm, run: async (input) => reopenTicket(await currentActor(), input), refused, done: refreshed });
}

/** The expert submits a month's extra hours. */
export async function submitExtraHoursAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, { schema: submitExtraHoursSchema, run: async (input) => submitExtraHours(await currentActor(), input), refused, done: refreshed });
}

/** A client member approves a month's extra hours. */
export async function approveExtraHoursAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ contractId: text(), periodStart: text() }),
    run: async (input) => approveExtraHours(await currentActor(), input),
    refused,
    done: refreshed,
  });
}

/** A client member refuses a month's extra hours, with a reason. */
export async function refuseExtraHoursAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, { schema: refuseExtraHoursSchema, run: async (input) => refuseExtraHours(await currentActor(), input), refused, done: refreshed });
}
