import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const DUMP_FILE = "database.dump";
export const UPLOADS_FILE = "uploads.tar.gz";
export const MANIFEST_FILE = "manifest.json";
export const CHECKSUMS_FILE = "SHA256SUMS";

export interface Manifest {
  format: 1;
  createdAt: string;
  /** Major version of the server that was dumped. */
  serverMajor: number;
  /** Where the uploaded files were: archived beside the dump, or in an S3 bucket backed up by its provider. */
  files: { storage: "disk" } | { storage: "s3"; bucket: string };
}

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Writes SHA256SUMS in `sha256sum` format, so that `sha256sum -c SHA256SUMS` checks a backup by hand too. */
export async function writeChecksums(folder: string, names: string[]): Promise<void> {
  const lines = await Promise.all(names.map(async (name) => `${await sha256(path.join(folder, name))}  ${name}\n`));
  await writeFile(path.join(folder, CHECKSUMS_FILE), lines.join(""), { mode: 0o600 });
}

/** The names listed in SHA256SUMS, once each of them matches; throws on the first that does not. */
export async function verifyChecksums(folder: string): Promise<string[]> {
  const text = await readFile(path.join(folder, CHECKSUMS_FILE), "utf8");
  const names: string[] = [];
  for (const line of text.split("\n").filter(Boolean)) {
    const match = line.match(/^([0-9a-f]{64}) {2}([\w.-]+)$/);
    if (!match) throw new Error(`${CHECKSUMS_FILE}: unreadable line ${JSON.stringify(line)}`);
    const [, expected, name] = match as unknown as [string, string, string];
    const actual = await sha256(path.join(folder, name)).catch(() => "missing");
    if (actual !== expected) throw new Error(`${name} does not match its checksum (${actual === "missing" ? "file missing" : "file changed"})`);
    names.push(name);
  }
  return names;
}

/** `tar -czf archive -C parent name` (GNU tar, on every Debian). */
export async function archiveFolder(parent: string, name: string, archive: string): Promise<void> {
  await run("tar", ["-czf", archive, "-C", parent, name]);
}

/** Extracts an archive made by archiveFolder into `parent`, never as root's owners nor outside `parent`. */
export async function extractArchive(archive: string, parent: string): Promise<void> {
  const { stdout } = await run("tar", ["-tzf", archive], { maxBuffer: 64 * 1024 * 1024 });
  const unsafe = stdout.split("\n").find((entry) => entry.startsWith("/") || entry.split("/").includes(".."));
  if (unsafe) throw new Error(`${path.basename(archive)} holds a path outside its folder: ${unsafe}`);
  await run("tar", ["-xzf", archive, "-C", parent, "--no-same-owner", "--no-same-permissions"]);
}
