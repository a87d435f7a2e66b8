"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { chooseRole } from "@/lib/accounts/choose-role";
import { currentActor } from "@/lib/auth/current-actor";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { createOrganization } from "@/lib/organizations/create-organization";

export async function chooseRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const state = await guardedAction(formData, async () => {
    const result = await chooseRole(await currentActor(), {
      role: values.role as "client" | "expert",
      name: values.name ?? "",
      locale: (await getLocale()) as "fr" | "en",
    });
    if (!result.ok) {
      return result.error === "already_chosen"
        ? { status: "error", formError: "onboarding.alreadyChosen", values }
        : { status: "error", fieldErrors: result.fields, values };
    }
    return { status: "success", values: { role: result.value.role } };
  });
  if (state.status === "success") redirect(state.values?.role === "client" ? "/onboarding/organization" : "/dashboard");
  return state;
}

export async function createOrganizationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const state = await guardedAction(formData, async () => {
    const result = await createOrganization(await currentActor(), {
      legalName: values.legalName ?? "",
      registrationNumber: values.registrationNumber ?? "",
      vatNumber: values.vatNumber,
      addressLine1: values.addressLine1 ?? "",
      addressLine2: values.addressLine2,
      postalCode: values.postalCode ?? "",
      city: values.city ?? "",
    });
    if (!result.ok) {
      if (result.error === "invalid") return { status: "error", fieldErrors: result.fields, values };
      return { status: "error", formError: result.error === "siren_taken" ? "onboarding.sirenTaken" : "onboarding.alreadyMember", values };
    }
    return { status: "success" };
  });
  if (state.status === "success") redirect("/dashboard");
  return state;
}
