/**
 * Reads `.env.local`, then `.env`, into process.env. Imported first by every entry point
 * (start, worker, migrate, seed, admin-create), before any module reads the environment.
 * The real environment always wins over the files, `.env.local` over `.env`, and an empty value
 * (`KEY=`, as in .env.example) means "not set". Parsing is dotenv's.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "dotenv";

export const ENV_FILES = [".env.local", ".env"];

/** Loads the files found in `dir` into `target`; returns the paths it read. */
export function loadEnvFiles(dir = process.cwd(), target: Record<string, string | undefined> = process.env): string[] {
  const read: string[] = [];
  for (const name of ENV_FILES) {
    const file = path.join(dir, name);
    if (!existsSync(file)) continue;
    read.push(file);
    for (const [key, value] of Object.entries(parse(readFileSync(file)))) {
      if (value !== "" && target[key] === undefined) target[key] = value;
    }
  }
  return read;
}

loadEnvFiles();
