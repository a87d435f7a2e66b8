import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/policy";
import { isLocale, type AppLocale } from "@/lib/i18n/locale";

/** Remembers the person's language, so that their emails follow it. */
export async function setUserLocale(actor: Actor | null, locale: AppLocale): Promise<void> {
  const user = requireUser(actor);
  if (!isLocale(locale)) throw new Error(`Unknown locale ${String(locale)}`);
  await db.update(users).set({ locale }).where(eq(users.id, user.id));
}
