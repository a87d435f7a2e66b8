import "server-only";
import { eq, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { invoices, users } from "@/db/schema";
import { sendEmail } from "@/lib/email/send-email";
import { appUrl } from "@/lib/http/app-url";
import type { LifecycleCode } from "./statuses";

/**
 * A document the PA or the buyer rejected, refused, disputed or suspended: tells every admin and,
 * for a document issued in an expert's name (the billing mandate: service invoices and their
 * credit notes), that expert. Compagnon's own commission documents alert the admins only. Called
 * in the status's transaction (the outbox sends later); once per document and status, whatever
 * the PA sends again.
 */
export async function notifyEinvoiceAction(executor: Executor, input: { invoiceId: string; code: LifecycleCode; reason: string | null }): Promise<void> {
  const [document] = await executor
    .select({ number: invoices.number, kind: invoices.kind, role: invoices.role, expertUserId: invoices.expertUserId })
    .from(invoices)
    .where(eq(invoices.id, input.invoiceId));
  if (!document) return;
  const expertId = document.role === "service" ? document.expertUserId : null;
  const recipients = await executor
    .select({ id: users.id, email: users.email, locale: users.locale, role: users.role })
    .from(users)
    .where(expertId ? or(eq(users.role, "admin"), eq(users.id, expertId)) : eq(users.role, "admin"));
  for (const recipient of recipients) {
    const audience = recipient.role === "admin" ? "admin" : "expert";
    await sendEmail(executor, {
      template: "einvoice-action",
      to: recipient.email,
      idempotencyKey: `einvoice-action:${input.invoiceId}:${input.code}:${recipient.id}`,
      props: {
        locale: recipient.locale,
        number: document.number,
        kind: document.kind,
        code: input.code,
        reason: input.reason,
        url: appUrl(audience === "admin" ? "/admin/einvoicing" : "/invoices"),
        audience,
      },
    });
  }
}
