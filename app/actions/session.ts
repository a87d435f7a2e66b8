"use server";

import { formText, guardedAction } from "@/lib/actions/form-state";
import { setUserLocale } from "@/lib/accounts/set-locale";
import { signOut } from "@/lib/auth/auth";
import { currentActor } from "@/lib/auth/current-actor";
import { isLocale } from "@/lib/i18n/locale";
import { setLocaleCookie } from "@/lib/i18n/locale-cookie";

/** The language switch: a cookie for everyone, and the account's language for a signed-in person. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  await guardedAction(formData, async () => {
    const locale = formText(formData, "locale");
    if (!isLocale(locale)) return { status: "error", formError: "common.invalidRequest" };
    await setLocaleCookie(locale);
    const actor = await currentActor();
    if (actor) await setUserLocale(actor, locale);
    return { status: "success" };
  });
}

/** Ends one's session, back home. */
export async function signOutAction(formData: FormData): Promise<void> {
  await guardedAction(formData, async () => {
    await signOut({ redirectTo: "/" });
    return { status: "success" };
  });
}
