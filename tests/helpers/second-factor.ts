import { randomBytes } from "node:crypto";
import { generate } from "otplib";
import { db } from "@/db/client";
import { sessions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeUser } from "./factories";

/** A database session for `userId`, as Auth.js makes at sign-in (created `hoursAgo`). */
export async function makeSession(userId: string, options: { hoursAgo?: number; expiresInHours?: number } = {}) {
  const createdAt = new Date(Date.now() - (options.hoursAgo ?? 0) * 3_600_000);
  const [row] = await db
    .insert(sessions)
    .values({
      sessionToken: randomBytes(16).toString("hex"),
      userId,
      createdAt,
      expires: new Date(Date.now() + (options.expiresInHours ?? 30 * 24) * 3_600_000),
    })
    .returning();
  if (!row) throw new Error("session not created");
  return row;
}

/** An admin just signed in: a session that has not passed the second factor yet. */
export async function signedInAdmin(): Promise<Actor & { sessionId: string }> {
  const admin = await makeUser("admin");
  return anotherSession(admin);
}

/** The same person in a new session (another browser, or after signing in again). */
export async function anotherSession(actor: Actor): Promise<Actor & { sessionId: string }> {
  const session = await makeSession(actor.id);
  return { ...actor, secondFactor: null, sessionId: session.id };
}

/** The authenticator's code for `secret`, `steps` periods of 30 s away from now. */
export function totpCode(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}
