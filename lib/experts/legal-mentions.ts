import { z } from "zod";
import { tradeRegister, type ExpertProfile, type LegalForm, type TradeRegister } from "@/db/schema";

/**
 * The mentions a seller's invoices must carry besides SIREN and VAT number (Code de commerce,
 * R123-237; loi n° 2022-172 on the entrepreneur individuel): a company gives its trade register
 * (RCS or RM, with the greffe's city or the RM's département) and its share capital; an
 * entrepreneur individuel is named with "EI" and gives its register only if registered.
 */

export const COMPANY_FORMS: readonly LegalForm[] = ["eurl", "sasu", "sarl", "sas"];
export const INDIVIDUAL_FORMS: readonly LegalForm[] = ["ei", "micro_entrepreneur"];

export const isCompanyForm = (form: LegalForm | null | undefined) => form !== null && form !== undefined && COMPANY_FORMS.includes(form);
export const isIndividualEntrepreneur = (form: LegalForm | null | undefined) => form !== null && form !== undefined && INDIVIDUAL_FORMS.includes(form);

/** "10 000", "1500,50", "1 500.5" (euros) → cents; anything else fails with "shareCapital". */
const shareCapitalEuros = z
  .string()
  .max(20, { error: "shareCapital" })
  .optional()
  .transform((v) => (v ?? "").replace(/[\s\u00a0\u202f]/g, "").replace(",", "."))
  .refine((v) => v === "" || /^\d{1,10}(\.\d{1,2})?$/.test(v), { error: "shareCapital" })
  .transform((v) => (v === "" ? undefined : Math.round(Number(v) * 100)))
  .refine((v) => v === undefined || v > 0, { error: "shareCapital" });

/** The profile form's fields for the mentions (merged into the expert profile schema). */
export const legalMentionsFields = {
  tradeRegister: z
    .union([z.literal(""), z.enum(tradeRegister.enumValues, { error: "required" })])
    .optional()
    .transform((v) => (v ? v : undefined)),
  tradeRegisterPlace: z
    .string()
    .trim()
    .max(60, { error: "tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined)),
  shareCapitalEuros,
};

interface MentionsValue {
  legalForm?: LegalForm;
  tradeRegister?: TradeRegister;
  tradeRegisterPlace?: string;
  shareCapitalEuros?: number;
}

/** What the legal form makes mandatory, as field errors (translated under "validation"). */
export function checkLegalMentions(value: MentionsValue, ctx: z.RefinementCtx): void {
  const company = isCompanyForm(value.legalForm);
  if (company && !value.tradeRegister) ctx.addIssue({ code: "custom", path: ["tradeRegister"], message: "tradeRegisterRequired" });
  if ((company || value.tradeRegister) && !value.tradeRegisterPlace) {
    ctx.addIssue({ code: "custom", path: ["tradeRegisterPlace"], message: "tradeRegisterPlaceRequired" });
  }
  if (company && value.shareCapitalEuros === undefined) ctx.addIssue({ code: "custom", path: ["shareCapitalEuros"], message: "shareCapitalRequired" });
}

/** The columns to store: no share capital for an entrepreneur individuel, no place without a register. */
export function legalMentionsColumns(value: MentionsValue): Pick<ExpertProfile, "tradeRegister" | "tradeRegisterPlace" | "shareCapitalCents"> {
  return {
    tradeRegister: value.tradeRegister ?? null,
    tradeRegisterPlace: value.tradeRegister ? (value.tradeRegisterPlace ?? null) : null,
    shareCapitalCents: isIndividualEntrepreneur(value.legalForm) ? null : (value.shareCapitalEuros ?? null),
  };
}

/** Whether the profile lacks a mention its legal form makes mandatory (asked before any invoice). */
export function lacksLegalMentions(profile: Pick<ExpertProfile, "legalForm" | "tradeRegister" | "tradeRegisterPlace" | "shareCapitalCents">): boolean {
  if (!profile.legalForm) return true;
  if (isCompanyForm(profile.legalForm)) return !profile.tradeRegister || !profile.tradeRegisterPlace || !profile.shareCapitalCents;
  return Boolean(profile.tradeRegister) && !profile.tradeRegisterPlace;
}

/** "812 345 676 RCS Lyon", "812 345 676 RM 69"; null when not registered. */
export function registrationText(register: TradeRegister | null, place: string | null, siren: string | null): string | null {
  if (!register || !place || !siren) return null;
  const spaced = siren.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3");
  return `${spaced} ${register.toUpperCase()} ${place}`;
}

/** Appends "EI" to an entrepreneur individuel's name unless the name already says it. */
export function nameWithEi(name: string, form: LegalForm | null): string {
  if (!isIndividualEntrepreneur(form) || /\bEI\b|entrepreneur individuel/i.test(name)) return name;
  return `${name} EI`;
}
