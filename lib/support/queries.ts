import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { supportMessages, supportThreads, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole, requireUser } from "@/lib/auth/policy";
import { supportAccess } from "./access";

const listed = {
  id: supportThreads.id,
  topic: supportThreads.topic,
  subject: supportThreads.subject,
  status: supportThreads.status,
  requesterName: supportThreads.requesterName,
  requesterEmail: supportThreads.requesterEmail,
  hasAccount: supportThreads.requesterId,
  lastMessageAt: supportThreads.lastMessageAt,
  createdAt: supportThreads.createdAt,
};

/** The admins' queue: threads waiting for the platform first, then the others, newest activity first. */
export async function listSupportThreads(actor: Actor | null, filter: { status?: "open" | "answered" | "closed" } = {}) {
  requireRole(actor, "admin");
  const rows = await db
    .select(listed)
    .from(supportThreads)
    .where(filter.status ? eq(supportThreads.status, filter.status) : undefined)
    .orderBy(desc(supportThreads.lastMessageAt))
    .limit(200);
  return rows.map((row) => ({ ...row, hasAccount: !!row.hasAccount }));
}

/** The signed-in person's own threads. */
export async function listMySupportThreads(actor: Actor | null) {
  const user = requireUser(actor);
  const rows = await db.select(listed).from(supportThreads).where(eq(supportThreads.requesterId, user.id)).orderBy(desc(supportThreads.lastMessageAt));
  return rows.map((row) => ({ ...row, hasAccount: true }));
}

/** A thread with its messages, for an admin, its signed-in author or the holder of its link; null when unknown. */
export async function readSupportThread(actor: Actor | null, input: { threadId: string; key?: string }) {
  const access = await supportAccess(db, actor, input);
  if (!access) return null;
  const messages = await db
    .select({ id: supportMessages.id, body: supportMessages.body, fromPlatform: supportMessages.fromPlatform, createdAt: supportMessages.createdAt, authorId: supportMessages.authorId })
    .from(supportMessages)
    .where(eq(supportMessages.threadId, access.thread.id))
    .orderBy(asc(supportMessages.createdAt));
  // Admins see which colleague answered; the person sees "Compagnon".
  const authorIds = [...new Set(messages.map((m) => m.authorId).filter((id): id is string => !!id))];
  const names = access.side === "platform" && authorIds.length
    ? new Map((await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, authorIds))).map((u) => [u.id, u.name || u.email]))
    : new Map<string, string>();
  const { accessKeyHash: _secret, ...thread } = access.thread;
  return {
    side: access.side,
    thread,
    messages: messages.map(({ authorId, ...m }) => ({ ...m, adminName: m.fromPlatform && authorId ? (names.get(authorId) ?? null) : null })),
  };
}
