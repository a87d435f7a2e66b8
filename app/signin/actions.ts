"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { sendMagicLink } from "@/lib/auth/magic-link";
import { allowSignInRequest, signInRequestSchema } from "@/lib/auth/sign-in-request";
import { formAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { clientIp } from "@/lib/http/client-ip";
import { fail, ok } from "@/lib/result";

export async function requestSignInLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: signInRequestSchema,
    run: async ({ email, callbackUrl }) => {
      const verdict = await allowSignInRequest({ email, ip: clientIp(await headers()) });
      if (!verdict.ok) return fail("rate_limited");
      await sendMagicLink(email, callbackUrl);
      return ok(undefined);
    },
    refused: () => "auth.rateLimited",
    done: () => redirect("/signin/check-email"),
  });
}
