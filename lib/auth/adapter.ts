import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import type { Adapter } from "next-auth/adapters";
import type { Database } from "@/db/client";
import { requestLocale } from "@/lib/i18n/locale-cookie";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";

/** An admin signs in again at least every 12 hours, however active the session. */
export const ADMIN_SESSION_MAX_HOURS = 12;

export function adminSessionEnd(createdAt: Date): Date {
  return new Date(createdAt.getTime() + ADMIN_SESSION_MAX_HOURS * 60 * 60 * 1000);
}

function capped(role: string | null, createdAt: Date, expires: Date): Date {
  if (role !== "admin") return expires;
  const end = adminSessionEnd(createdAt);
  return expires > end ? end : expires;
}

/**
 * Auth.js's Drizzle adapter, with admin sessions capped at 12 hours from sign-in: when a session
 * is read (the account may have become admin since), and when `updateAge` would extend it.
 */
export function compagnonAdapter(database: Database): Adapter {
  const base = DrizzleAdapter(database, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    ...base,
    // A new account speaks the language its first pages were shown in.
    async createUser(user) {
      const current = await requestLocale();
      return base.createUser!({ ...user, ...(current ? { locale: current.locale } : {}) });
    },
    async getSessionAndUser(sessionToken) {
      const [row] = await database
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.sessionToken, sessionToken));
      if (!row) return null;
      const expires = capped(row.user.role, row.session.createdAt, row.session.expires);
      if (expires.getTime() !== row.session.expires.getTime()) {
        await database.update(sessions).set({ expires }).where(eq(sessions.sessionToken, sessionToken));
      }
      return { session: { ...row.session, expires }, user: row.user };
    },
    async updateSession(data) {
      if (!data.expires) return base.updateSession!(data);
      const [row] = await database
        .select({ createdAt: sessions.createdAt, expires: sessions.expires, role: users.role })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.sessionToken, data.sessionToken));
      if (!row) return null;
      const expires = capped(row.role, row.createdAt, data.expires);
      // A capped admin session is "due" at every request: write only when the date moves.
      if (expires.getTime() === row.expires.getTime()) return null;
      return base.updateSession!({ ...data, expires });
    },
  };
}
