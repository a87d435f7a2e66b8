import "server-only";
import { desc, eq, ilike } from "drizzle-orm";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { isLocalMailboxEnabled } from "@/lib/env";
import { isUuidLike } from "@/lib/ids";

/**
 * The local demo mailbox reads the outbox. It exists only in demo mode with no mail provider:
 * anywhere else it answers 404, since whoever reads it could take over any account.
 */
function assertMailboxEnabled(): void {
  if (!isLocalMailboxEnabled()) notFound();
}

export async function listMailbox(filter: { to?: string }, limit = 100) {
  assertMailboxEnabled();
  const to = filter.to?.trim();
  return db
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .where(to ? ilike(emailOutbox.toAddress, `%${to.replace(/[%_\\]/g, "\\$&")}%`) : undefined)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
}

export async function getMailboxEmail(id: string) {
  assertMailboxEnabled();
  if (!isUuidLike(id)) return null;
  const row = await db.query.emailOutbox.findFirst({ where: eq(emailOutbox.id, id) });
  if (!row) return null;
  return { ...row, links: extractLinks(row.html) };
}

/** The distinct http(s) links of an email, in order, so the reader can follow them. */
export function extractLinks(html: string): string[] {
  const links = [...html.matchAll(/href="(https?:\/\/[^"]+)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));
  return [...new Set(links)];
}
