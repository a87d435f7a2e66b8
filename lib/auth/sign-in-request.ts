import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/db/client";
import { env } from "@/lib/env";
import { fail, ok, type Result } from "@/lib/result";
import { hitRateLimit, pruneRateLimits } from "./rate-limit";

const WINDOW_SECONDS = 60 * 60;

/** An email address as people type it: trimmed, lower-cased, at most 254 characters. Errors are `validation` keys. */
export const emailAddressField = z
  .string({ error: "emailRequired" })
  .trim()
  .toLowerCase()
  .min(1, { error: "emailRequired" })
  .max(254, { error: "emailInvalid" })
  .pipe(z.email({ error: "emailInvalid" }));

export const signInRequestSchema = z.object({
  email: emailAddressField,
  callbackUrl: z
    .string()
    .optional()
    .transform((v) => localPath(v, "/dashboard")),
});

/** `value` when it is a path on this site (never another host), else `fallback`. */
export function localPath(value: string | undefined, fallback: string): string {
  return value && value.length <= 2000 && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : fallback;
}

export type SignInRequest = z.infer<typeof signInRequestSchema>;

function hashed(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 32);
}

/**
 * Counts a magic-link request against the per-email and per-IP limits (counters in PostgreSQL).
 * Both counters move in one transaction, so a refused request still counts.
 */
export async function allowSignInRequest(input: {
  email: string;
  ip: string | null;
}): Promise<Result<void, "rate_limited">> {
  const limits = env();
  return db.transaction(async (tx) => {
    const byEmail = await hitRateLimit(tx, `signin:email:${hashed(input.email)}`, limits.SIGNIN_LIMIT_PER_EMAIL, WINDOW_SECONDS);
    const byIp = input.ip
      ? await hitRateLimit(tx, `signin:ip:${hashed(input.ip)}`, limits.SIGNIN_LIMIT_PER_IP, WINDOW_SECONDS)
      : { allowed: true };
    if (Math.random() < 0.01) await pruneRateLimits(tx);
    return byEmail.allowed && byIp.allowed ? ok(undefined) : fail("rate_limited");
  });
}
