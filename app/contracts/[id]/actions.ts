"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { confirmed, text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { acceptContractDocument } from "@/lib/contracts/documents-acceptance";
import { isContractDocumentKind } from "@/lib/contracts/documents/build";

const acceptDocumentForm = z.object({
  contractId: text(),
  kind: z
    .string()
    .optional()
    .transform((kind) => (kind && isContractDocumentKind(kind) ? kind : "nda")),
  confirm: confirmed(),
});

/** One side accepts one contract document, after ticking "I have read and accept". */
export async function acceptDocumentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: acceptDocumentForm,
    run: async ({ contractId, kind }) => acceptContractDocument(await currentActor(), { contractId, kind }),
    refused: (code) => `contracts.error_${code}`,
    done: ({ active }, { contractId }) => {
      revalidatePath(`/contracts/${contractId}`, "layout");
      return { status: "success", notice: { key: active ? "contracts.nowActive" : "contracts.documentAccepted" } };
    },
  });
}
