"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { retryEinvoice, retryEinvoiceReport } from "@/lib/einvoicing/retry";

/** An admin sends a failed e-invoicing transmission again (same trackingId: never a second flow). */
export async function retryEinvoiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ invoiceId: text() }),
    run: async ({ invoiceId }) => retryEinvoice(await currentActor(), { invoiceId }),
    refused: () => "einvoicing.notFound",
    done: () => ({ status: "success", notice: { key: "einvoicing.retried" } }),
  });
}

/** An admin sends a failed e-report (payment data, B2C or international transaction) again. */
export async function retryEinvoiceReportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ reportId: text() }),
    run: async ({ reportId }) => retryEinvoiceReport(await currentActor(), { reportId }),
    refused: () => "einvoicing.reportNotFound",
    done: () => ({ status: "success", notice: { key: "einvoicing.reportRetried" } }),
  });
}
