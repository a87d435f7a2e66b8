"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { refreshOrganizationAddress } from "@/lib/einvoicing/directory-jobs";

const refusals: Record<string, string> = { unavailable: "einvoicing.refreshUnavailable", off: "einvoicing.addressOff" };

/** A member of the organisation asks the e-invoicing directory for its electronic address again. */
export async function refreshEinvoiceAddressAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ organizationId: text() }),
    run: async ({ organizationId }) => refreshOrganizationAddress(await currentActor(), organizationId),
    refused: (code) => refusals[code] ?? "einvoicing.notFound",
    done: () => {
      revalidatePath("/dashboard");
      return { status: "success", notice: { key: "einvoicing.refreshed" } };
    },
  });
}
