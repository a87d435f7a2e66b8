import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { DATA_DIR } from "./database";

/** The demo's AUTH_SECRET: generated once into .data/ (git-ignored), never committed. */
export async function demoAuthSecret(): Promise<string> {
  const file = path.join(DATA_DIR, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(DATA_DIR, { recursive: true });
  const secret = randomBytes(33).toString("base64");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
