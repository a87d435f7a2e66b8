"use server";

import { formText } from "@/lib/actions/form-state";
import { setUserLocale } from "@/lib/accounts/set-locale";
import { signOut } from "@/lib/auth/auth";
import { currentActor } from "@/lib/auth/current-actor";
import { isLocale } from "@/lib/i18n/locale";
import { setLocaleCookie } from "@/lib/i18n/locale-cookie";

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formText(formData, "locale");
  if (!isLocale(locale)) return;
  await setLocaleCookie(locale);
  const actor = await currentActor();
  if (actor) await setUserLocale(actor, locale);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
