import type { Locale, UserRole } from "@/db/schema";

/** The signed-in person a use case acts for; `null` means anonymous. */
export interface Actor {
  id: string;
  email: string;
  name: string | null;
  role: UserRole | null;
  locale: Locale;
}
