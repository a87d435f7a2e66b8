"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentActor } from "@/lib/auth/current-actor";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { VETTING_CHECKLIST } from "@/lib/experts/vetting-checklist";
import { decideVerification, setExpertSuspension } from "@/lib/experts/vetting";
import { RESTRICTION_GROUNDS } from "@/lib/moderation/rules";

/** The vetting form: the decision, its reason, and one `check.<item>` box per point of the checklist. */
const decisionForm = z.record(z.string(), z.string()).transform((values) => ({
  profileId: values.profileId ?? "",
  decision: values.decision ?? "",
  reason: values.reason ?? "",
  checklist: Object.fromEntries(VETTING_CHECKLIST.map((item) => [item, values[`check.${item}`] === "on"])),
  ground: RESTRICTION_GROUNDS.find((ground) => ground === values.ground),
}));

const refused = (code: string) => `vetting.${code}`;

export async function decideVerificationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: decisionForm,
    run: async (decision) => decideVerification(await currentActor(), decision),
    refused,
    // Back to the queue, which confirms the decision (the form itself has nothing left to decide).
    done: () => redirect("/admin/vetting?decided=1"),
  });
}

const suspensionForm = z.object({
  profileId: text(),
  reason: text(),
  intent: text(),
  ground: z
    .string()
    .optional()
    .transform((ground) => RESTRICTION_GROUNDS.find((known) => known === ground)),
});

export async function expertSuspensionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: suspensionForm,
    run: async ({ profileId, reason, intent, ground }) => setExpertSuspension(await currentActor(), { profileId, reason, suspend: intent === "suspend", ground }),
    refused,
    done: (_none, { intent }) => {
      revalidatePath("/admin/vetting");
      return { status: "success", notice: { key: intent === "suspend" ? "vetting.suspended" : "vetting.reinstated" } };
    },
  });
}
