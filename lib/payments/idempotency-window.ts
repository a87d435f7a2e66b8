/**
 * Stripe keeps an idempotency key for at least 24 hours, then forgets it: the same request sent
 * again under that key would make a second object. A provider call first asked longer ago than
 * this (an hour of margin) is therefore looked up before it is sent again.
 */
export const IDEMPOTENCY_KEY_TRUSTED_MS = 23 * 60 * 60 * 1000;

/** Whether the idempotency key of a call first asked at `askedAt` may have expired at the provider. */
export function keyMayHaveExpired(askedAt: Date | null, now = Date.now()): boolean {
  return !!askedAt && now - askedAt.getTime() > IDEMPOTENCY_KEY_TRUSTED_MS;
}

/**
 * Sends a provider call again: within the key's lifetime the key alone makes the retry safe;
 * past it, the object the first call made (if any) is looked up and adopted instead.
 */
export async function findOrCreate<T>(askedAt: Date | null, find: () => Promise<T | null>, create: () => Promise<T>): Promise<T> {
  if (keyMayHaveExpired(askedAt)) {
    const found = await find();
    if (found) return found;
  }
  return create();
}
