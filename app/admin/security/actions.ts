"use server";

import { z } from "zod";
import type { CodesFormState } from "@/components/second-factor/SecondFactorForm";
import { text } from "@/lib/actions/form-fields";
import { currentActor } from "@/lib/auth/current-actor";
import { reenrolTotp, regenerateRecoveryCodes } from "@/lib/auth/second-factor/management";
import { recoveryCodesAction } from "../../second-factor/form-results";

export async function reenrolAction(_previous: CodesFormState, formData: FormData): Promise<CodesFormState> {
  return recoveryCodesAction(formData, z.object({ currentCode: text(), newCode: text() }), async (codes) => reenrolTotp(await currentActor(), codes));
}

export async function regenerateCodesAction(_previous: CodesFormState, formData: FormData): Promise<CodesFormState> {
  return recoveryCodesAction(formData, z.object({ code: text() }), async ({ code }) => regenerateRecoveryCodes(await currentActor(), { code }));
}
