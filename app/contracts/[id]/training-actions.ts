"use server";

import { revalidatePath } from "next/cache";
import { formText, guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { addAttendees, removeAttendee } from "@/lib/training/attendees";
import { attendeesError, attendeesFromLines } from "@/lib/training/form-input";

/** A client member lists attendees, one a line; each is emailed the sessions. */
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
  return guardedAction(formData, async () => {
    const contractId = formText(formData, "contractId");
    const result = await removeAttendee(await currentActor(), { contractId, attendeeId: formText(formData, "attendeeId") });
    if (!result.ok) return { status: "error", formError: `training.error_${result.error}` };
    revalidatePath(`/contracts/${contractId}`);
    return { status: "success" };
  });
}
