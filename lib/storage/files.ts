import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Private file storage. Files live under `<data dir>/uploads` (never under public/), with keys
 * the server generates; nothing a user typed ever becomes part of a path.
 */
function uploadsRoot(): string {
  return path.resolve(process.env.COMPAGNON_DATA_DIR ?? ".data", "uploads");
}

const KEY_PATTERN = /^[a-z]+\/[0-9a-f-]{36}$/;

function pathFor(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`Invalid storage key ${JSON.stringify(key)}`);
  const root = uploadsRoot();
  const full = path.resolve(root, key);
  if (!full.startsWith(root + path.sep)) throw new Error("Storage key escapes the uploads folder");
  return full;
}

export function newStorageKey(prefix: "evidence" | "photo"): string {
  return `${prefix}/${randomUUID()}`;
}

export async function putFile(key: string, bytes: Uint8Array): Promise<void> {
  const full = pathFor(key);
  await mkdir(path.dirname(full), { recursive: true, mode: 0o700 });
  await writeFile(full, bytes, { mode: 0o600, flag: "wx" });
}

export async function getFile(key: string): Promise<Buffer> {
  return readFile(pathFor(key));
}

export async function deleteFile(key: string): Promise<void> {
  await rm(pathFor(key), { force: true });
}
