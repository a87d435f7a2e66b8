"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { formDataToValues } from "@/lib/actions/form-values";
import { uploadedFile } from "@/lib/actions/uploaded-file";
import { currentActor } from "@/lib/auth/current-actor";
import { decideAccess } from "@/lib/handover/decisions";
import { deliverHandoverPack } from "@/lib/handover/pack";
import { recordAccess, revokeAccess } from "@/lib/handover/register";

const refused = (code: string) => `handover.error_${code}`;
/** The handover page and the contract's page (its documents list the pack), fresh. */
function refresh(contractId: string) {
  revalidatePath(`/contracts/${contractId}/handover`);
  revalidatePath(`/contracts/${contractId}`);
}

/** The expert or a client member records an access in the register (never its secret). */
export async function recordAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ contractId: text(), kind: text(), label: text(), holder: text(), since: text() }),
    run: async (input) => recordAccess(await currentActor(), input),
    refused,
    done: (_recorded, { contractId }) => {
      refresh(contractId);
      return { status: "success", notice: { key: "handover.recorded" } };
    },
  });
}

/** Either party marks an access revoked. */
export async function revokeAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ contractId: text(), accessId: text() }),
    run: async (input) => revokeAccess(await currentActor(), input),
    refused,
    done: (_revoked, { contractId }) => {
      refresh(contractId);
      return { status: "success", notice: { key: "handover.revoked" } };
    },
  });
}

/** The expert delivers the handover pack, with the accesses to revoke ticked and an optional diagram. */
export async function deliverHandoverPackAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    read: formDataToValues,
    schema: z.object({
      contractId: text(),
      architecture: text(),
      backups: text(),
      restoreProcedure: text(),
      lastRestoreTestOn: text(),
      adminAccounts: text(),
      updateProcedure: text(),
      revoke: text().transform((ids) => ids.split("\n").filter((id) => id !== "")),
    }),
    run: async ({ revoke, ...pack }, form) => deliverHandoverPack(await currentActor(), { ...pack, revokeAccessIds: revoke, file: await uploadedFile(form) }),
    refused,
    done: (_delivered, { contractId }) => {
      refresh(contractId);
      return { status: "success", notice: { key: "handover.delivered" } };
    },
  });
}

/** A client member answers for an access to revoke: revoked, or kept. */
export async function decideAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ contractId: text(), accessId: text(), decision: text() }),
    run: async (input) => decideAccess(await currentActor(), input),
    refused,
    done: (_decided, { contractId }) => {
      refresh(contractId);
      return { status: "success", notice: { key: "handover.decided" } };
    },
  });
}
