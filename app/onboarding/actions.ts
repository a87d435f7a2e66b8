"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { chooseRole } from "@/lib/accounts/choose-role";
import { currentActor } from "@/lib/auth/current-actor";
import { formAction } from "@/lib/actions/form-action";
import { optionalText, text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { isLocale } from "@/lib/i18n/locale";
import { createOrganization } from "@/lib/organizations/create-organization";

export async function chooseRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ role: text(), name: text() }),
    run: async ({ role, name }) => {
      const locale = await getLocale();
      return chooseRole(await currentActor(), { role, name, locale: isLocale(locale) ? locale : "fr" });
    },
    refused: () => "onboarding.alreadyChosen",
    done: ({ role }) => redirect(role === "client" ? "/onboarding/organization" : "/dashboard"),
  });
}

const organizationForm = z.object({
  legalName: text(),
  registrationNumber: text(),
  vatNumber: optionalText(),
  addressLine1: text(),
  addressLine2: optionalText(),
  postalCode: text(),
  city: text(),
});

export async function createOrganizationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: organizationForm,
    run: async (organization) => createOrganization(await currentActor(), organization),
    refused: (code) => (code === "siren_taken" ? "onboarding.sirenTaken" : "onboarding.alreadyMember"),
    done: () => redirect("/dashboard"),
  });
}
