import { desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";

/** The newest email sent to `to`, or undefined. */
export async function lastEmailTo(to: string) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(desc(emailOutbox.createdAt)).limit(1);
  return row;
}

/** The sign-in link of an email's HTML. */
export function signInLinkOf(html: string): URL {
  const href = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&")).find((h) => h.includes("/api/auth/callback/email"));
  if (!href) throw new Error("no sign-in link in this email");
  return new URL(href);
}
