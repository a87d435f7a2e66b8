"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { CodesFormState } from "@/components/second-factor/SecondFactorForm";
import { formAction } from "@/lib/actions/form-action";
import { optionalText, text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { confirmTotpEnrolment } from "@/lib/auth/second-factor/enrolment";
import { verifySecondFactor } from "@/lib/auth/second-factor/verification";
import { localPath } from "@/lib/auth/sign-in-request";
import { recoveryCodesAction, secondFactorRefused } from "./form-results";

export async function verifySecondFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ code: text(), callbackUrl: optionalText() }),
    run: async ({ code }) => verifySecondFactor(await currentActor(), { code }),
    refused: secondFactorRefused,
    done: (_verified, { callbackUrl }) => redirect(localPath(callbackUrl, "/admin")),
  });
}

export async function confirmEnrolmentAction(_previous: CodesFormState, formData: FormData): Promise<CodesFormState> {
  return recoveryCodesAction(formData, z.object({ code: text() }), async ({ code }) => confirmTotpEnrolment(await currentActor(), { code }));
}
