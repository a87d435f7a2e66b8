"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import { formText, guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { addAttendees, removeAttendee } from "@/lib/training/attendees";
import { attendeesError, attendeesFromLines } from "@/lib/training/form-input";

/**
 * A client member lists attendees, one a line; each is emailed the sessions. Not `formAction`: a
 * refused line is sent back among the kept values (`line`), which the form names in its message.
 */
export async function addAttendeesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guardedAction(formData, async () => {
    const contractId = formText(formData, "contractId");
    const result = await addAttendees(await currentActor(), attendeesFromLines(contractId, formText(formData, "attendees")));
    if (!result.ok) {
      const error = result.error === "invalid" ? attendeesError(result.fields) : null;
      return error
        ? { status: "error", fieldErrors: { attendees: error.code }, values: { ...submittedValues(formData), line: error.line ? String(error.line) : "" } }
        : { status: "error", formError: `training.error_${result.error}`, values: submittedValues(formData) };
    }
    revalidatePath(`/contracts/${contractId}`);
    return { status: "success", notice: { key: "training.attendeesAdded", values: { count: String(result.value.added) } } };
  });
}

/** A client member takes an attendee off the list. */
export async function removeAttendeeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ contractId: text(), attendeeId: text() }),
    run: async (input) => removeAttendee(await currentActor(), input),
    refused: (code) => `training.error_${code}`,
    done: (_removed, { contractId }) => {
      revalidatePath(`/contracts/${contractId}`);
      return { status: "success" };
    },
  });
}
