"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, formText, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/inbox";
import { saveNotificationSettings } from "@/lib/notifications/settings";

/** Marks one of one's notifications read (someone else's id is refused as not found). */
export async function markNotificationReadAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guardedAction(formData, async () => {
    const result = await markNotificationRead(await currentActor(), { id: formText(formData, "id") });
    if (!result.ok) return { status: "error", formError: "notifications.notFound" };
    revalidatePath("/", "layout");
    return { status: "success" };
  });
}

/** Marks all of one's unread notifications read. */
export async function markAllNotificationsReadAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guardedAction(formData, async () => {
    await markAllNotificationsRead(await currentActor());
    revalidatePath("/", "layout");
    return { status: "success", notice: { key: "notifications.allMarked" } };
  });
}

/** Saves which categories are emailed (checkboxes named `email`, one per category left on). */
export async function saveNotificationSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guardedAction(formData, async () => {
    const emailed = formData.getAll("email").filter((v): v is string => typeof v === "string");
    await saveNotificationSettings(await currentActor(), { emailed });
    revalidatePath("/notifications/settings");
    return { status: "success", notice: { key: "notifications.settingsSaved" } };
  });
}
