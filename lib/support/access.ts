import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { supportThreads, type SupportThread } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actsAsAdmin, PolicyError } from "@/lib/auth/policy";
import { isUuidLike } from "@/lib/ids";

export function hashSupportKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

function keyMatches(thread: SupportThread, key: string | undefined): boolean {
  if (!key || key.length > 200 || !thread.accessKeyHash) return false;
  const given = Buffer.from(hashSupportKey(key));
  const stored = Buffer.from(thread.accessKeyHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export interface SupportAccess {
  thread: SupportThread;
  /** `platform`: an admin answering for the platform; `requester`: the person who wrote. */
  side: "platform" | "requester";
  actor: Actor | null;
}

/**
 * Who may read and answer a support thread: admins (second factor passed), the signed-in person
 * who opened it, or whoever holds its secret link (a visitor without an account). Locks the
 * thread row when `lock` (answers are written one after the other). Null when it does not exist.
 */
export async function supportAccess(
  executor: Executor,
  actor: Actor | null,
  input: { threadId: string; key?: string },
  options: { lock?: boolean } = {},
): Promise<SupportAccess | null> {
  if (!isUuidLike(input.threadId)) return null;
  const query = executor.select().from(supportThreads).where(eq(supportThreads.id, input.threadId));
  const [thread] = options.lock ? await query.for("update") : await query;
  if (!thread) return null;
  if (actor && actsAsAdmin(actor)) return { thread, side: "platform", actor };
  if (actor && thread.requesterId === actor.id) return { thread, side: "requester", actor };
  if (keyMatches(thread, input.key)) return { thread, side: "requester", actor };
  throw new PolicyError(actor ? "forbidden" : "unauthenticated");
}
