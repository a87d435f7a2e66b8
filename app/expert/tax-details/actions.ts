"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { saveMyTaxDetails } from "@/lib/dac7/tax-details";
import { saveMyEinvoicingSettings } from "@/lib/einvoicing/expert-settings";

/** Save what the DAC7 declaration needs (names, date of birth, birthplace, IBAN); the form stays filled. */
export async function saveTaxDetailsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.record(z.string(), z.string()),
    run: async (details) => saveMyTaxDetails(await currentActor(), details),
    done: (_saved, _details, values) => ({ status: "success", values }),
  });
}

/** Who transmits the invoices issued in the expert's name (Compagnon's PA or the expert's own), and the VAT filing frequency. */
export async function saveEinvoicingSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.record(z.string(), z.string()),
    run: async (settings) => saveMyEinvoicingSettings(await currentActor(), settings),
    refused: (code) => (code === "no_profile" ? "einvoicingSettings.noProfile" : undefined),
    done: (_saved, _settings, values) => ({ status: "success", values }),
  });
}
