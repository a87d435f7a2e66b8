import type { Locale, SecondFactorMethod, UserRole } from "@/db/schema";

/** The signed-in person a use case acts for; `null` means anonymous. */
export interface Actor {
  id: string;
  email: string;
  name: string | null;
  role: UserRole | null;
  locale: Locale;
  /**
   * How this session passed the second factor (admins only; null: not yet). An admin without
   * it is not an admin yet: `requireRole(…, "admin")` and `isAdmin` refuse them.
   */
  secondFactor?: SecondFactorMethod | null;
  /** The session's public id (never its token), to bind the second factor to it. */
  sessionId?: string;
}
