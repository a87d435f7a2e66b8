"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { formDataToValues } from "@/lib/actions/form-values";
import { currentActor } from "@/lib/auth/current-actor";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/inbox";
import { saveNotificationSettings } from "@/lib/notifications/settings";

/** Marks one of one's notifications read (someone else's id is refused as not found). */
export async function markNotificationReadAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ id: text() }),
    run: async ({ id }) => markNotificationRead(await currentActor(), { id }),
    refused: () => "notifications.notFound",
    done: () => {
      revalidatePath("/", "layout");
      return { status: "success" };
    },
  });
}

/** Marks all of one's unread notifications read. */
export async function markAllNotificationsReadAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({}),
    run: async () => markAllNotificationsRead(await currentActor()),
    done: () => {
      revalidatePath("/", "layout");
      return { status: "success", notice: { key: "notifications.allMarked" } };
    },
  });
}

/** The settings form: one `email` checkbox per category left on (repeated fields, read one per line). */
const settingsForm = z.object({
  email: z
    .string()
    .optional()
    .transform((emailed) => (emailed ? emailed.split("\n") : [])),
});

/** Saves which categories are emailed. */
export async function saveNotificationSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    read: formDataToValues,
    schema: settingsForm,
    run: async ({ email }) => saveNotificationSettings(await currentActor(), { emailed: email }),
    done: () => {
      revalidatePath("/notifications/settings");
      return { status: "success", notice: { key: "notifications.settingsSaved" } };
    },
  });
}
