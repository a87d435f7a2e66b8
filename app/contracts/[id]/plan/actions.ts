"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { acceptPlanChange, declinePlanChange, planPath, proposePlanChange } from "@/lib/retainers/plan";

const refused = (code: string) => `retainerPlan.error_${code}`;

const done = (notice: string) => (_value: unknown, { contractId }: { contractId: string }): FormState => {
  revalidatePath(planPath(contractId));
  revalidatePath(`/contracts/${contractId}`);
  return { status: "success", notice: { key: `retainerPlan.${notice}` } };
};

/** Either party proposes a new plan (the use case parses the amounts and answers field by field). */
export async function proposePlanChangeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ contractId: text(), monthlyFee: z.string().default(""), hoursIncluded: z.string().default(""), extraHour: z.string().default("") }),
    run: async (input) => proposePlanChange(await currentActor(), input),
    refused,
    done: done("proposedNotice"),
  });
}

const decision = z.object({ contractId: text(), changeId: text() });

/** The other side accepts the waiting proposal: it applies from the next month not opened. */
export async function acceptPlanChangeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, { schema: decision, run: async (input) => acceptPlanChange(await currentActor(), input), refused, done: done("acceptedNotice") });
}

/** The other side declines the waiting proposal. */
export async function declinePlanChangeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, { schema: decision, run: async (input) => declinePlanChange(await currentActor(), input), refused, done: done("declinedNotice") });
}
