"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { sendMagicLink } from "@/lib/auth/magic-link";
import { allowSignInRequest, signInRequestSchema } from "@/lib/auth/sign-in-request";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { fieldErrors } from "@/lib/actions/field-errors";
import { clientIp } from "@/lib/http/client-ip";

export async function requestSignInLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const state = await guardedAction(formData, async () => {
    const parsed = signInRequestSchema.safeParse(values);
    if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error), values };
    const { email, callbackUrl } = parsed.data;
    const verdict = await allowSignInRequest({ email, ip: clientIp(await headers()) });
    if (!verdict.ok) return { status: "error", formError: "auth.rateLimited", values };
    await sendMagicLink(email, callbackUrl);
    return { status: "success" };
  });
  if (state.status === "success") redirect("/signin/check-email");
  return state;
}
