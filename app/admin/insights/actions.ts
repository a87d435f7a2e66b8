"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { setTurnoverCeiling } from "@/lib/insights/ceilings";

/** An admin sets the micro-entrepreneur ceiling for services from a year on. */
export async function setTurnoverCeilingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.record(z.string(), z.string()),
    run: async (values) => setTurnoverCeiling(await currentActor(), values),
    done: () => {
      revalidatePath("/admin/insights");
      return { status: "success", notice: { key: "insights.ceilingSaved" } };
    },
  });
}
