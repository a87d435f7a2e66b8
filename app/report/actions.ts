"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { checkbox, text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { clientIp } from "@/lib/http/client-ip";
import { isLocale } from "@/lib/i18n/locale";
import { submitReport } from "@/lib/moderation/reports";

const reportForm = z.object({
  targetType: text(),
  targetId: text(),
  reason: text(),
  explanation: text(),
  location: text(),
  name: text(),
  email: text(),
  goodFaith: checkbox(),
});

/** The notice form, for visitors and signed-in people alike. */
export async function reportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: reportForm,
    run: async (report) => {
      const locale = await getLocale();
      return submitReport(await currentActor(), report, { ip: clientIp(await headers()), locale: isLocale(locale) ? locale : "fr" });
    },
    refused: (code) => `moderation.error_${code}`,
    done: () => redirect("/report/sent"),
  });
}
