"use server";

import type { CodesFormState } from "@/components/second-factor/SecondFactorForm";
import { currentActor } from "@/lib/auth/current-actor";
import { reenrolTotp, regenerateRecoveryCodes } from "@/lib/auth/second-factor/management";
import { recoveryCodesAction } from "../../second-factor/form-results";

export async function reenrolAction(_previous: CodesFormState, formData: FormData): Promise<CodesFormState> {
  return recoveryCodesAction(formData, async (values) =>
    reenrolTotp(await currentActor(), { currentCode: values.currentCode ?? "", newCode: values.newCode ?? "" }),
  );
}

export async function regenerateCodesAction(_previous: CodesFormState, formData: FormData): Promise<CodesFormState> {
  return recoveryCodesAction(formData, async (values) => regenerateRecoveryCodes(await currentActor(), { code: values.code ?? "" }));
}
