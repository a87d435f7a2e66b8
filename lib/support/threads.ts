import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { supportMessages, supportThreads, type SupportThread } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import type { AppLocale } from "@/lib/i18n/locale";
import { fail, ok, type Result } from "@/lib/result";
import { supportAccess } from "./access";
import { notifyAdmins, notifyRequester } from "./notify";
import { contactSchema, supportReplySchema, type ContactInput } from "./schemas";

/** Threads one address may open per hour, and one IP (an office behind one address: more). */
export const CONTACT_LIMIT_PER_EMAIL = 5;
export const CONTACT_LIMIT_PER_IP = 20;

function hashed(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 32);
}

async function addMessage(tx: Transaction, thread: SupportThread, authorId: string | null, fromPlatform: boolean, body: string) {
  const [message] = await tx
    .insert(supportMessages)
    .values({ threadId: thread.id, authorId, fromPlatform, body, createdAt: sql`clock_timestamp()` })
    .returning({ id: supportMessages.id });
  if (!message) throw new Error("support message insert returned nothing");
  return message.id;
}

/**
 * The contact form: anyone (signed in or not) opens a thread with the platform. A signed-in
 * person writes under their account's name and address; a visitor's address receives the link.
 * Rate-limited per address and per IP (the refused attempt counts too).
 */
export async function openSupportThread(
  actor: Actor | null,
  input: ContactInput,
  context: { ip: string | null; locale: AppLocale },
): Promise<Result<{ threadId: string }, "invalid" | "rate_limited">> {
  const parsed = contactSchema.safeParse(actor ? { ...input, email: actor.email, name: input.name || actor.name || actor.email } : input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { name, email, topic, subject, body } = parsed.data;
  const allowed = await db.transaction(async (tx) => {
    const byEmail = await hitRateLimit(tx, `contact:email:${hashed(email)}`, CONTACT_LIMIT_PER_EMAIL, 3600);
    const byIp = context.ip ? await hitRateLimit(tx, `contact:ip:${hashed(context.ip)}`, CONTACT_LIMIT_PER_IP, 3600) : { allowed: true };
    return byEmail.allowed && byIp.allowed;
  });
  if (!allowed) return fail("rate_limited");
  return db.transaction(async (tx) => {
    const [thread] = await tx
      .insert(supportThreads)
      .values({ topic, subject, requesterId: actor?.id ?? null, requesterName: name, requesterEmail: email, locale: actor?.locale ?? context.locale })
      .returning();
    if (!thread) throw new Error("support thread insert returned nothing");
    const messageId = await addMessage(tx, thread, actor?.id ?? null, false, body);
    await notifyRequester(tx, thread, "received", messageId);
    await notifyAdmins(tx, thread, "new", messageId);
    return ok({ threadId: thread.id });
  });
}

/**
 * An answer in a thread: an admin for the platform (the person is emailed, the thread waits for
 * them) or the person who asked (admins are emailed, the thread is open again, even if closed).
 */
export async function replyToSupportThread(
  actor: Actor | null,
  input: { threadId: string; key?: string; body: string },
): Promise<Result<{ side: "platform" | "requester" }, "invalid" | "not_found">> {
  return db.transaction(async (tx) => {
    const access = await supportAccess(tx, actor, input, { lock: true });
    if (!access) return fail("not_found");
    const parsed = supportReplySchema.safeParse({ body: input.body });
    if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
    const fromPlatform = access.side === "platform";
    const messageId = await addMessage(tx, access.thread, access.actor?.id ?? null, fromPlatform, parsed.data.body);
    await tx
      .update(supportThreads)
      .set({ status: fromPlatform ? "answered" : "open", lastMessageAt: sql`clock_timestamp()` })
      .where(eq(supportThreads.id, access.thread.id));
    if (fromPlatform) await notifyRequester(tx, access.thread, "answered", messageId);
    else await notifyAdmins(tx, access.thread, "replied", messageId);
    return ok({ side: access.side });
  });
}

/** An admin closes a settled thread (the person can still write again, which reopens it). */
export async function closeSupportThread(actor: Actor | null, input: { threadId: string }): Promise<Result<void, "not_found" | "already">> {
  return db.transaction(async (tx) => {
    const access = await supportAccess(tx, actor, input, { lock: true });
    if (!access) return fail("not_found");
    if (access.side !== "platform") throw new PolicyError("forbidden");
    if (access.thread.status === "closed") return fail("already");
    await tx.update(supportThreads).set({ status: "closed" }).where(eq(supportThreads.id, access.thread.id));
    await recordAudit(tx, { actor: access.actor, action: "support.closed", subjectType: "support_thread", subjectId: access.thread.id, fromStatus: access.thread.status, toStatus: "closed" });
    return ok(undefined);
  });
}
