"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { clientIp } from "@/lib/http/client-ip";
import { isLocale } from "@/lib/i18n/locale";
import { openSupportThread } from "@/lib/support/threads";

const contactForm = z.object({ name: text(), email: text(), topic: text(), subject: text(), body: text() });

/** The contact form, for visitors and signed-in people alike. */
export async function contactAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: contactForm,
    run: async (message) => {
      const locale = await getLocale();
      return openSupportThread(await currentActor(), message, { ip: clientIp(await headers()), locale: isLocale(locale) ? locale : "fr" });
    },
    refused: (code) => `support.error_${code}`,
    done: () => redirect("/contact/sent"),
  });
}
