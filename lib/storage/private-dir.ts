import { mkdir } from "node:fs/promises";

/**
 * Makes `dir` readable by its owner only (0700), and any folder missing between `base` and it,
 * without giving `base` that mode: `mkdir(dir, { recursive: true, mode: 0o700 })` gave it to the
 * data folder (.data) too when it did not exist yet, and the embedded PostgreSQL, which runs as its
 * own user when the app runs as root, could then no longer reach its files in .data/postgres
 * (`npm test`, then `npm run demo`, failed with "could not access directory").
 */
export async function mkdirPrivate(dir: string, base: string): Promise<void> {
  await mkdir(base, { recursive: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
}
