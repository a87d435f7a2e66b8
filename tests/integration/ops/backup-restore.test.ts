/**
 * npm run backup / npm run restore against the real PostgreSQL: data made through the use cases
 * and a real sign-in, backed up, restored into a new database and data folder, and found there:
 * the same rows, the evidence file, and a session cookie Auth.js still accepts.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import { closeDb, db } from "@/db/client";
import { emailOutbox, evidenceFiles, organizations, users } from "@/db/schema";
import { chooseRole } from "@/lib/accounts/choose-role";
import { getEvidenceForDownload } from "@/lib/experts/evidence";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createBackup } from "@/scripts/lib/backups/backup";
import { clientMajor, serverMajor } from "@/scripts/lib/backups/pg-tools";
import { restoreBackup } from "@/scripts/lib/backups/restore";
import { databaseUrl } from "@/scripts/lib/embedded-postgres";
import { makeCompleteExpert } from "../../helpers/experts";
import { makeUser, validOrganizationInput } from "../../helpers/factories";

// Auth.js's signIn() reads the request through next/headers.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000", "content-type": "application/x-www-form-urlencoded" }),
  cookies: async () => ({ get: () => undefined, set: () => {}, getAll: () => [] }),
}));
const { sendMagicLink } = await import("@/lib/auth/magic-link");
const { handlers } = await import("@/lib/auth/auth");
const { NextRequest } = await import("next/server");

const serverUrl = inject("testServerUrl");
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
const sourceUrl = process.env.DATABASE_URL ?? "";
const sourceDataDir = process.env.COMPAGNON_DATA_DIR ?? "";
const scratch = mkdtempSync(path.join(os.tmpdir(), "compagnon-backup-test-"));
const created: string[] = [];
const quiet = { log: () => {} };

// The embedded test server is PostgreSQL 17; a machine with an older pg_dump (Debian 12: 15)
// runs these tests on its own server (TEST_DATABASE_URL), as CI's second pass does.
const [client, server] = await Promise.all([clientMajor("pg_dump").catch(() => 0), serverMajor(sourceUrl)]);
const toolsFit = client >= server;
if (!toolsFit) console.warn(`[backup-restore] pg_dump ${client || "(missing)"} cannot dump the PostgreSQL ${server} test server: skipped (set TEST_DATABASE_URL to a server pg_dump can read)`);

async function newDatabase(): Promise<string> {
  const name = `t_${process.ppid}_r${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database "${name}"`);
  created.push(name);
  return databaseUrl(serverUrl, name);
}

/** A closed connection leaves pg_stat_activity a moment later; restore refuses a database in use. */
async function untilNoConnection(url: string) {
  const name = new URL(url).pathname.slice(1);
  for (let i = 0; i < 50; i++) {
    const [row] = await admin<{ count: number }[]>`select count(*)::int as count from pg_stat_activity where datname = ${name}`;
    if (row?.count === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Points the app (db client, file storage) at another database and data folder. */
async function useApp(url: string, dataDir: string) {
  await closeDb();
  process.env.DATABASE_URL = url;
  process.env.COMPAGNON_DATA_DIR = dataDir;
}

afterAll(async () => {
  await useApp(sourceUrl, sourceDataDir);
  for (const name of created) await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end({ timeout: 5 });
  rmSync(scratch, { recursive: true, force: true });
});

/** Signs in through Auth.js's own callback; the session cookie's value. */
async function signIn(email: string): Promise<string> {
  await sendMagicLink(email, "/dashboard");
  const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email)).orderBy(desc(emailOutbox.createdAt)).limit(1);
  const href = [...(mail?.html ?? "").matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&")).find((h) => h.includes("/api/auth/callback/email"));
  const response = await handlers.GET(new NextRequest(href!));
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  return cookie!.split(";")[0]!.split("=")[1]!;
}

async function sessionOf(token: string): Promise<{ user?: { email: string; role: string } } | null> {
  const response = await handlers.GET(new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: `authjs.session-token=${token}` } }));
  return (await response.json()) as { user?: { email: string; role: string } } | null;
}

describe.skipIf(!toolsFit)("backup and restore", () => {
  let folder = "";
  let token = "";
  let clientId = "";
  let expert: Awaited<ReturnType<typeof makeCompleteExpert>>["actor"];

  it("backs up the database and the uploads into one folder with checksums", async () => {
    const client = await makeUser(null, { email: "claire@backup.example" });
    clientId = client.id;
    await chooseRole(client, { role: "client", name: "Claire Martin" });
    const organization = await createOrganization({ ...client, role: "client" }, validOrganizationInput);
    expect(organization.ok).toBe(true);
    ({ actor: expert } = await makeCompleteExpert());
    token = await signIn("claire@backup.example");
    expect((await sessionOf(token))?.user?.email).toBe("claire@backup.example");

    folder = await createBackup({ databaseUrl: sourceUrl, dataDir: sourceDataDir, backupDir: path.join(scratch, "backups"), ...quiet });
    expect(path.basename(folder)).toMatch(/^compagnon-\d{8}T\d{6}Z$/);
    expect(readdirSync(folder).sort()).toEqual(["SHA256SUMS", "database.dump", "manifest.json", "uploads.tar.gz"]);
    expect(readFileSync(path.join(folder, "SHA256SUMS"), "utf8")).toMatch(/^[0-9a-f]{64} {2}database\.dump\n/);
    expect(readdirSync(path.join(scratch, "backups"))).toEqual([path.basename(folder)]);
  });

  it("restores into a new database: same rows, same files, and the session still signs in", async () => {
    const targetUrl = await newDatabase();
    const targetDataDir = path.join(scratch, "restored-data");
    const lines: string[] = [];
    await restoreBackup({ from: folder, databaseUrl: targetUrl, dataDir: targetDataDir, log: (line) => lines.push(line) });
    expect(lines.join("\n")).toContain("will restore the database into");

    await useApp(targetUrl, targetDataDir);
    const [claire] = await db.select().from(users).where(eq(users.id, clientId));
    expect(claire).toMatchObject({ email: "claire@backup.example", name: "Claire Martin", role: "client" });
    expect((await db.select().from(organizations)).map((o) => o.legalName)).toContain(validOrganizationInput.legalName);
    const evidence = await db.select().from(evidenceFiles);
    expect(evidence.length).toBe(3);
    const download = await getEvidenceForDownload(expert, evidence[0]!.id);
    expect(download?.bytes.toString()).toMatch(/^%PDF-1\.4/);
    expect(await sessionOf(token)).toMatchObject({ user: { email: "claire@backup.example", role: "client" } });
    await useApp(sourceUrl, sourceDataDir);
    await untilNoConnection(targetUrl);
  });

  it("refuses a database that holds data, and replaces it with --force", async () => {
    const targetUrl = await newDatabase();
    const targetDataDir = path.join(scratch, "forced-data");
    await restoreBackup({ from: folder, databaseUrl: targetUrl, dataDir: targetDataDir, ...quiet });
    const postgresJs = postgres(targetUrl, { max: 1, onnotice: () => {} });
    await postgresJs`delete from users where email = 'claire@backup.example'`;
    await postgresJs.end();
    await untilNoConnection(targetUrl);

    await expect(restoreBackup({ from: folder, databaseUrl: targetUrl, dataDir: targetDataDir, ...quiet })).rejects.toThrow(
      /^Refusing to restore: the database .+ holds \d+ tables and .+uploads holds files\. Restore into an empty database, or add --force/,
    );
    await restoreBackup({ from: folder, databaseUrl: targetUrl, dataDir: targetDataDir, force: true, ...quiet });
    const check = postgres(targetUrl, { max: 1, onnotice: () => {} });
    expect(await check`select email from users where email = 'claire@backup.example'`).toHaveLength(1);
    await check.end();
    expect(readdirSync(targetDataDir).filter((name) => name.startsWith("uploads.before-restore-"))).toHaveLength(1);
  });

  it("refuses a backup whose files do not match their checksums", async () => {
    const copy = path.join(scratch, "tampered");
    await createBackup({ databaseUrl: sourceUrl, dataDir: sourceDataDir, backupDir: copy, ...quiet });
    const [name] = readdirSync(copy);
    writeFileSync(path.join(copy, name!, "uploads.tar.gz"), "not the archive");
    await expect(restoreBackup({ from: path.join(copy, name!), databaseUrl: await newDatabase(), dataDir: path.join(scratch, "never"), ...quiet })).rejects.toThrow(
      /is not a whole backup: uploads\.tar\.gz does not match its checksum/,
    );
    expect(existsSync(path.join(scratch, "never", "uploads"))).toBe(false);
  });

  it("a backup of a data folder that does not exist yet makes only its uploads and backups private (the embedded PostgreSQL's user must enter the folder)", async () => {
    const dataDir = path.join(scratch, "fresh-data");
    // BACKUP_DIR's default: <dataDir>/backups.
    await createBackup({ databaseUrl: sourceUrl, dataDir, backupDir: path.join(dataDir, "backups"), ...quiet });
    expect(statSync(dataDir).mode & 0o005).toBe(0o005);
    expect(statSync(path.join(dataDir, "uploads")).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dataDir, "backups")).mode & 0o777).toBe(0o700);
  });

});

describe("backup tools", () => {
  it("refuses in one line when pg_dump is missing or too old", async () => {
    const bin = path.join(scratch, "bin");
    process.env.PG_BIN_DIR = bin;
    try {
      const backupDir = path.join(scratch, "no-tools");
      await expect(createBackup({ databaseUrl: sourceUrl, dataDir: sourceDataDir, backupDir, ...quiet })).rejects.toThrow(`pg_dump not found in PG_BIN_DIR (${bin})`);
      rmSync(bin, { recursive: true, force: true });
      await import("node:fs/promises").then((fs) => fs.mkdir(bin, { recursive: true }));
      writeFileSync(path.join(bin, "pg_dump"), "#!/bin/sh\necho 'pg_dump (PostgreSQL) 14.11'\n");
      chmodSync(path.join(bin, "pg_dump"), 0o755);
      await expect(createBackup({ databaseUrl: sourceUrl, dataDir: sourceDataDir, backupDir, ...quiet })).rejects.toThrow(/^pg_dump 14 is too old: install the PostgreSQL client 1[5-9] or newer/);
      expect(existsSync(backupDir)).toBe(false);
    } finally {
      delete process.env.PG_BIN_DIR;
    }
  });
});
