"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { clientIp } from "@/lib/http/client-ip";
import { isLocale } from "@/lib/i18n/locale";
import { openSupportThread } from "@/lib/support/threads";

/** The contact form, for visitors and signed-in people alike. */
export async function contactAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const state = await guardedAction(formData, async () => {
    const locale = await getLocale();
    const result = await openSupportThread(
      await currentActor(),
      { name: values.name ?? "", email: values.email ?? "", topic: values.topic as never, subject: values.subject ?? "", body: values.body ?? "" },
      { ip: clientIp(await headers()), locale: isLocale(locale) ? locale : "fr" },
    );
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `support.error_${result.error}`, values };
    }
    return { status: "success" };
  });
  if (state.status === "success") redirect("/contact/sent");
  return state;
}
