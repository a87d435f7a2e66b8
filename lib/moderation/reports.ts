import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { contentReports, moderatedContent, type ContentReport, type RestrictionGround } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import type { AppLocale } from "@/lib/i18n/locale";
import { fail, ok, type Result } from "@/lib/result";
import { notifyModeration } from "./notify";
import { REPORT_LIMIT_PER_EMAIL, REPORT_LIMIT_PER_IP } from "./rules";
import { reportDecisionSchema, reportSchema, type ReportDecisionInput, type ReportInput } from "./schemas";
import { newAccessKey, recordStatement } from "./statements";
import { loadReportedContent } from "./targets";

function hashed(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 32);
}

/**
 * A notice about a piece of content (DSA art. 16), from anyone. A signed-in person reports under
 * their account's address. Rate-limited per address and per IP; acknowledged by email.
 */
export async function submitReport(
  actor: Actor | null,
  input: ReportInput,
  context: { ip: string | null; locale: AppLocale },
): Promise<Result<{ reportId: string }, "invalid" | "not_found" | "rate_limited">> {
  const parsed = reportSchema.safeParse(actor ? { ...input, email: actor.email, name: input.name || actor.name || actor.email } : input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const report = parsed.data;
  const allowed = await db.transaction(async (tx) => {
    const byEmail = report.email ? await hitRateLimit(tx, `report:email:${hashed(report.email)}`, REPORT_LIMIT_PER_EMAIL, 3600) : { allowed: true };
    const byIp = context.ip ? await hitRateLimit(tx, `report:ip:${hashed(context.ip)}`, REPORT_LIMIT_PER_IP, 3600) : { allowed: true };
    return byEmail.allowed && byIp.allowed;
  });
  if (!allowed) return fail("rate_limited");
  return db.transaction(async (tx) => {
    if (!(await loadReportedContent(tx, report.targetType, report.targetId))) return fail("not_found");
    const [row] = await tx
      .insert(contentReports)
      .values({
        targetType: report.targetType,
        targetId: report.targetId,
        reason: report.reason,
        explanation: report.explanation,
        location: report.location,
        reporterId: actor?.id ?? null,
        reporterName: report.name || null,
        reporterEmail: report.email || null,
        locale: actor?.locale ?? context.locale,
        goodFaith: true,
      })
      .returning({ id: contentReports.id });
    if (!row) throw new Error("report insert returned nothing");
    if (report.email) await notifyModeration(tx, report.email, actor?.locale ?? context.locale, "report_received", row.id);
    return ok({ reportId: row.id });
  });
}

/** The reporter's page of a decided report, with its secret key. */
export function reporterPath(reportId: string, key: string): string {
  return `/reports/${reportId}?key=${key}`;
}

const restrictionOf = { removed: "content_removed", restricted: "content_restricted" } as const;

/**
 * Takes the reported content down (`removed`) or restricts it, and issues its author the
 * statement of reasons (DSA art. 17): a report's decision, or a reporter's complaint upheld.
 */
export async function restrictReportedContent(
  tx: Transaction,
  admin: Actor,
  report: ContentReport,
  outcome: keyof typeof restrictionOf,
  facts: string,
  ground: RestrictionGround,
): Promise<string> {
  await tx
    .insert(moderatedContent)
    .values({ targetType: report.targetType, targetId: report.targetId, visibility: outcome, reportId: report.id })
    .onConflictDoUpdate({ target: [moderatedContent.targetType, moderatedContent.targetId], set: { visibility: outcome, reportId: report.id } });
  const content = await loadReportedContent(tx, report.targetType, report.targetId);
  return recordStatement(tx, admin, {
    userId: content?.authorId ?? null,
    restriction: restrictionOf[outcome],
    subjectType: report.targetType,
    subjectId: report.targetId,
    facts,
    ground,
    reportId: report.id,
  });
}

/**
 * An admin decides on a report: keep the content, remove it (nobody but admins sees it) or
 * restrict it (signed-in people only). A restriction gets a statement of reasons for its author;
 * the reporter is told the outcome.
 */
export async function decideReport(
  actor: Actor | null,
  input: ReportDecisionInput,
): Promise<Result<{ statementId: string | null }, "invalid" | "not_found" | "already">> {
  const admin = requireRole(actor, "admin");
  const parsed = reportDecisionSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { reportId, outcome, note, ground } = parsed.data;
  return db.transaction(async (tx) => {
    const [report] = await tx.select().from(contentReports).where(eq(contentReports.id, reportId)).for("update");
    if (!report) return fail("not_found");
    if (report.status !== "open") return fail("already");
    // The reporter's link to the decision and its complaint form (an anonymous visitor has no account).
    const access = report.reporterEmail ? newAccessKey() : null;
    await tx
      .update(contentReports)
      .set({ status: outcome, decidedAt: new Date(), decidedById: admin.id, decisionNote: note, reporterKeyHash: access?.hash ?? null })
      .where(eq(contentReports.id, reportId));
    await recordAudit(tx, { actor: admin, action: "report.decided", subjectType: "content_report", subjectId: reportId, fromStatus: "open", toStatus: outcome, reason: note });
    const statementId = outcome !== "kept" && ground ? await restrictReportedContent(tx, admin, report, outcome, note, ground) : null;
    if (report.reporterEmail && access) {
      await notifyModeration(tx, report.reporterEmail, report.locale, "report_decided", reportId, { outcome, note, path: reporterPath(reportId, access.key) });
    }
    return ok({ statementId });
  });
}
