import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { einvoiceReports, einvoiceTransmissions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fail, ok, type Result } from "@/lib/result";
import { queueReportJob } from "./reports";
import { queueEinvoiceSubmission } from "./submit";

const input = z.object({ invoiceId: z.uuid() });

export type RetryEinvoiceError = "invalid" | "not_found";

/**
 * An admin sends a failed transmission again: back to queued and a fresh job (same trackingId,
 * so a flow the PA did receive is adopted rather than sent twice). Only a failed one; audited.
 */
export async function retryEinvoice(actor: Actor | null, raw: { invoiceId: string }): Promise<Result<null, RetryEinvoiceError>> {
  const admin = requireRole(actor, "admin");
  const parsed = input.safeParse(raw);
  if (!parsed.success) return fail("invalid");
  const { invoiceId } = parsed.data;
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(einvoiceTransmissions)
      .set({ state: "queued", updatedAt: new Date() })
      .where(and(eq(einvoiceTransmissions.invoiceId, invoiceId), eq(einvoiceTransmissions.state, "failed")))
      .returning({ invoiceId: einvoiceTransmissions.invoiceId });
    if (moved.length === 0) return fail("not_found");
    await queueEinvoiceSubmission(tx, invoiceId);
    await recordAudit(tx, { actor: admin, action: "einvoice.retried", subjectType: "invoice", subjectId: invoiceId, data: {} });
    return ok(null);
  });
}

const reportInput = z.object({ reportId: z.uuid() });

/**
 * An admin sends a failed e-report again (a transport failure: the PA never acknowledged it).
 * One the PA refused is not sent again as it is (same trackingId: the PA would keep its answer).
 */
export async function retryEinvoiceReport(actor: Actor | null, raw: { reportId: string }): Promise<Result<null, RetryEinvoiceError>> {
  const admin = requireRole(actor, "admin");
  const parsed = reportInput.safeParse(raw);
  if (!parsed.success) return fail("invalid");
  const { reportId } = parsed.data;
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(einvoiceReports)
      .set({ state: "queued", updatedAt: new Date() })
      .where(and(eq(einvoiceReports.id, reportId), eq(einvoiceReports.state, "failed"), isNull(einvoiceReports.ackStatus)))
      .returning({ invoiceId: einvoiceReports.invoiceId });
    if (moved.length === 0) return fail("not_found");
    await queueReportJob(tx, reportId);
    await recordAudit(tx, { actor: admin, action: "einvoice.report_retried", subjectType: moved[0]!.invoiceId ? "invoice" : "einvoice_report", subjectId: moved[0]!.invoiceId ?? reportId, data: { reportId } });
    return ok(null);
  });
}
