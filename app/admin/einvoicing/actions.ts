"use server";

import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { retryEinvoice, retryEinvoiceReport } from "@/lib/einvoicing/retry";

/** An admin sends a failed e-invoicing transmission again (same trackingId: never a second flow). */
export async function retryEinvoiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await retryEinvoice(await currentActor(), { invoiceId: values.invoiceId ?? "" });
    if (!result.ok) return { status: "error", formError: "einvoicing.notFound" };
    return { status: "success", notice: { key: "einvoicing.retried" } };
  });
}

/** An admin sends a failed e-report (payment data, B2C or international transaction) again. */
export async function retryEinvoiceReportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await retryEinvoiceReport(await currentActor(), { reportId: values.reportId ?? "" });
    if (!result.ok) return { status: "error", formError: "einvoicing.reportNotFound" };
    return { status: "success", notice: { key: "einvoicing.reportRetried" } };
  });
}
