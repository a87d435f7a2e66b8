"use server";

import { cookies } from "next/headers";
import { formText } from "@/lib/actions/form-state";
import { setUserLocale } from "@/lib/accounts/set-locale";
import { signOut } from "@/lib/auth/auth";
import { currentActor } from "@/lib/auth/current-actor";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locale";

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formText(formData, "locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
    secure: process.env.NODE_ENV === "production" && (process.env.APP_URL ?? "").startsWith("https:"),
  });
  const actor = await currentActor();
  if (actor) await setUserLocale(actor, locale);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
