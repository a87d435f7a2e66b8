/**
 * The Node.js releases Compagnon runs on: 24 LTS (the reference: CI, .nvmrc, .node-version) and
 * 22 LTS from 22.12 (package.json `engines`). Node.js 20 reached its end of life on 30 April 2026.
 *
 * Every entry script imports this module first, so an unsupported Node.js stops with one line and
 * exit code 1 before anything else runs. `tsx scripts/lib/node-version.ts` runs the check alone.
 */

/** Why this Node.js version is refused, or null when it is supported. Takes "24.1.0" or "v24.1.0". */
export function unsupportedNodeMessage(version: string): string | null {
  const [major = Number.NaN, minor = Number.NaN] = version.replace(/^v/, "").split(".").map(Number);
  if (major === 24 || (major === 22 && minor >= 12)) return null;
  return (
    `Compagnon needs Node.js 24 LTS (22 LTS from 22.12 also works), not Node.js ${version.replace(/^v/, "")}: ` +
    `see "Requirements" in README.md.`
  );
}

/** Prints the refusal on stderr and exits with code 1 when `version` is not supported. */
export function exitIfUnsupportedNode(version: string = process.versions.node): void {
  const message = unsupportedNodeMessage(version);
  if (message === null) return;
  console.error(message);
  process.exit(1);
}

exitIfUnsupportedNode();
