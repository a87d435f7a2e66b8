import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/db/client";
import { verificationTokens } from "@/db/schema";

/** How long the link `npm run admin:create` prints stays valid. */
export const ADMIN_LINK_MINUTES = 15;

/**
 * A one-time sign-in link for `email`, made the way Auth.js's email provider makes its own
 * (@auth/core lib/actions/signin/send-token.js): a random token, stored as
 * sha256(token + AUTH_SECRET) in verification_tokens, so that the real
 * /api/auth/callback/email accepts it once, until it expires. Every part of the URL comes from
 * `appUrl` (the operator's APP_URL), never from a request.
 */
export async function createSignInLink(input: {
  email: string;
  appUrl: string;
  secret: string;
  callbackPath: string;
  minutes: number;
}): Promise<{ url: string; expires: Date }> {
  const token = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + input.minutes * 60_000);
  await db.insert(verificationTokens).values({
    identifier: input.email,
    token: createHash("sha256").update(`${token}${input.secret}`).digest("hex"),
    expires,
  });
  const base = input.appUrl.replace(/\/+$/, "");
  const query = new URLSearchParams({ callbackUrl: `${base}${input.callbackPath}`, token, email: input.email });
  return { url: `${base}/api/auth/callback/email?${query}`, expires };
}
