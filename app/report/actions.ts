"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { clientIp } from "@/lib/http/client-ip";
import { isLocale } from "@/lib/i18n/locale";
import { submitReport } from "@/lib/moderation/reports";

/** The notice form, for visitors and signed-in people alike. */
export async function reportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const state = await guardedAction(formData, async () => {
    const locale = await getLocale();
    const result = await submitReport(
      await currentActor(),
      {
        targetType: values.targetType as never,
        targetId: values.targetId ?? "",
        reason: values.reason as never,
        explanation: values.explanation ?? "",
        location: values.location ?? "",
        name: values.name ?? "",
        email: values.email ?? "",
        goodFaith: (values.goodFaith === "on") as true,
      },
      { ip: clientIp(await headers()), locale: isLocale(locale) ? locale : "fr" },
    );
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `moderation.error_${result.error}`, values };
    }
    return { status: "success" };
  });
  if (state.status === "success") redirect("/report/sent");
  return state;
}
