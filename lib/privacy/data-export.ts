import "server-only";
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import { strToU8, zipSync, type Zippable } from "fflate";
import { db } from "@/db/client";
import { dataExports, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/policy";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { isUuidLike } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record";
import { sendEmail } from "@/lib/email/send-email";
import { appUrl } from "@/lib/http/app-url";
import { queueJob } from "@/lib/jobs/queue";
import { fail, ok, type Result } from "@/lib/result";
import { deleteFile, getFile, newStorageKey, putFile } from "@/lib/storage/files";
import { collectPersonData } from "./collect";

export const PREPARE_EXPORT_TASK = "prepare_data_export";
export const EXPORT_DAYS = 7;
/** Exports one person may ask for per day. */
export const EXPORTS_PER_DAY = 3;

const README = `Compagnon — copie de vos données / copy of your data

data.json : tout ce que Compagnon conserve sur vous et les enregistrements de vos organisations
que vous pouvez voir dans l'application (RGPD, art. 15 et 20). Les montants sont en centimes
d'euro. files/ : les fichiers que vous avez déposés.

data.json: everything Compagnon keeps about you and the records of your organisations you can
see in the app (GDPR, art. 15 and 20). Amounts are in euro cents. files/: the files you uploaded.
`;

/** A person asks for a copy of their data; the worker prepares it and emails them. */
export async function requestDataExport(actor: Actor | null): Promise<Result<{ exportId: string }, "pending" | "rate_limited">> {
  const user = requireUser(actor);
  return db.transaction(async (tx) => {
    // One request at a time per person: their row is locked while we look.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
    const [pending] = await tx
      .select({ id: dataExports.id })
      .from(dataExports)
      .where(and(eq(dataExports.userId, user.id), eq(dataExports.status, "requested")));
    if (pending) return fail("pending");
    if (!(await hitRateLimit(tx, `data-export:${user.id}`, EXPORTS_PER_DAY, 24 * 3600)).allowed) return fail("rate_limited");
    const [row] = await tx.insert(dataExports).values({ userId: user.id }).returning({ id: dataExports.id });
    if (!row) throw new Error("data export insert returned nothing");
    await queueJob(tx, PREPARE_EXPORT_TASK, { exportId: row.id }, { key: `data-export:${row.id}`, maxAttempts: 5 });
    await recordAudit(tx, { actor: user, action: "account.data_export_requested", subjectType: "user", subjectId: user.id });
    return ok({ exportId: row.id });
  });
}

/** The ZIP: README.txt, data.json and the person's own files. */
async function buildArchive(userId: string): Promise<Uint8Array> {
  const data = await collectPersonData(db, userId);
  const entries: Zippable = {
    "README.txt": strToU8(README),
    "data.json": strToU8(JSON.stringify({ generatedAt: data.generatedAt, ...data.sections }, null, 2)),
  };
  for (const file of data.files) entries[`files/${file.name}`] = new Uint8Array(await getFile(file.storageKey));
  return zipSync(entries, { level: 6 });
}

/**
 * The worker's task: builds the archive, stores it (outside any transaction), then marks the
 * export ready and emails its owner in one transaction. A repeated run does nothing.
 */
export async function prepareDataExport(exportId: string): Promise<"ready" | "skipped"> {
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, exportId));
  if (!row || row.status !== "requested") return "skipped";
  const key = newStorageKey("export");
  await putFile(key, await buildArchive(row.userId));
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(dataExports)
      .set({ status: "ready", storageKey: key, readyAt: new Date(), expiresAt: new Date(Date.now() + EXPORT_DAYS * 24 * 3600 * 1000) })
      .where(and(eq(dataExports.id, exportId), eq(dataExports.status, "requested")))
      .returning();
    if (!updated) {
      await deleteFile(key);
      return "skipped";
    }
    const [owner] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, updated.userId));
    if (owner) {
      const until = new Intl.DateTimeFormat(owner.locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(updated.expiresAt!);
      await sendEmail(tx, {
        template: "data-export-ready",
        to: owner.email,
        props: { locale: owner.locale, url: appUrl(`/account/export/${updated.id}`), until },
        idempotencyKey: `data-export-ready:${updated.id}`,
      });
    }
    return "ready";
  });
}

/** The person's latest export, for their account page. */
export async function latestDataExport(actor: Actor | null) {
  const user = requireUser(actor);
  const [row] = await db
    .select({ id: dataExports.id, status: dataExports.status, requestedAt: dataExports.requestedAt, expiresAt: dataExports.expiresAt })
    .from(dataExports)
    .where(eq(dataExports.userId, user.id))
    .orderBy(desc(dataExports.requestedAt))
    .limit(1);
  if (row?.status === "ready" && row.expiresAt && row.expiresAt < new Date()) return { ...row, status: "expired" as const };
  return row ?? null;
}

/** Its owner downloads a ready export until it expires; anyone else, or later, finds nothing. */
export async function downloadDataExport(actor: Actor | null, exportId: string): Promise<{ bytes: Buffer; fileName: string } | null> {
  const user = requireUser(actor);
  if (!isUuidLike(exportId)) return null;
  const [row] = await db.select().from(dataExports).where(and(eq(dataExports.id, exportId), eq(dataExports.userId, user.id)));
  if (!row || row.status !== "ready" || !row.storageKey || !row.expiresAt || row.expiresAt < new Date()) return null;
  const day = row.readyAt!.toISOString().slice(0, 10);
  return { bytes: await getFile(row.storageKey), fileName: `compagnon-donnees-${day}.zip` };
}

/** Daily: expired exports lose their file. */
export async function purgeExpiredDataExports(now = new Date()): Promise<number> {
  const expired = await db
    .select({ id: dataExports.id, storageKey: dataExports.storageKey })
    .from(dataExports)
    .where(and(eq(dataExports.status, "ready"), lt(dataExports.expiresAt, now)));
  for (const row of expired) if (row.storageKey) await deleteFile(row.storageKey).catch(() => {});
  if (expired.length > 0) {
    await db.update(dataExports).set({ status: "expired", storageKey: null }).where(inArray(dataExports.id, expired.map((r) => r.id)));
  }
  return expired.length;
}
