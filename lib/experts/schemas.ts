import { z } from "zod";
import { choice } from "@/lib/text/choice";
import { identityText } from "@/lib/text/identity";
import { evidenceKind, legalForm, publicFieldNames, serviceKind, vatRegime } from "@/db/schema";
import { RESTRICTION_GROUNDS } from "@/db/schema/moderation-lists";
import { isDepartementCode } from "@/lib/geo/departements";
import { checkLegalMentions, legalMentionsFields } from "./legal-mentions";
import { VETTING_CHECKLIST } from "./vetting-checklist";
import { checkVatNumber, compactIdentifier, isValidSiret } from "@/lib/organizations/identifiers";

export const spokenLanguages = ["fr", "en", "de", "es", "it", "pt", "nl", "ar", "br", "oc"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined));

const optionalUrl = z
  .string()
  .trim()
  .max(300, { error: "tooLong" })
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.url({ protocol: /^https?$/, error: "url" }).optional());

const currentYear = () => new Date().getFullYear();

export const expertProfileSchema = z
  .object({
    displayName: identityText({ error: "required" }).min(2, { error: "nameLength" }).max(80, { error: "tooLong" }),
    headline: optionalText(140),
    bio: optionalText(5000),
    serviceKinds: z.array(z.enum(serviceKind.enumValues, { error: "required" })).max(3).default([]),
    dailyRateEuros: z
      .union([z.literal(""), z.coerce.number({ error: "dailyRate" })])
      .optional()
      .transform((v) => (v === "" || v === undefined ? undefined : v))
      .pipe(z.number().int({ error: "dailyRate" }).min(50, { error: "dailyRate" }).max(5000, { error: "dailyRate" }).optional()),
    departments: z
      .array(z.string().max(3, { error: "departements" }).trim().toUpperCase())
      .max(101)
      .default([])
      .refine((codes) => codes.every(isDepartementCode), { error: "departements" })
      .transform((codes) => [...new Set(codes)]),
    remoteOk: z.boolean().default(false),
    languages: z.array(z.enum(spokenLanguages)).max(spokenLanguages.length).default([]),
    legalForm: z.enum(legalForm.enumValues, { error: "required" }).optional(),
    siret: optionalText(20)
      .transform((v) => (v ? compactIdentifier(v) : undefined))
      .refine((v) => v === undefined || isValidSiret(v), { error: "siretChecksum" }),
    vatRegime: z.enum(vatRegime.enumValues, { error: "required" }).optional(),
    vatNumber: optionalText(20).transform((v) => (v ? compactIdentifier(v) : undefined)),
    vatOnDebits: z.boolean().default(false),
    ...legalMentionsFields,
    insurer: optionalText(120),
    insurancePolicyNumber: optionalText(60),
    insuranceExpiresOn: z
      .string()
      .max(10, { error: "date" })
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(z.iso.date({ error: "date" }).optional()),
    links: z
      .object({ website: optionalUrl, forge: optionalUrl, contributions: optionalUrl })
      .default({ website: undefined, forge: undefined, contributions: undefined }),
    skills: z
      .array(
        z.object({
          softwareId: z.uuid({ error: "required" }),
          level: z.coerce.number().int().min(1, { error: "skillLevel" }).max(3, { error: "skillLevel" }),
          years: z.coerce.number({ error: "skillYears" }).int({ error: "skillYears" }).min(0, { error: "skillYears" }).max(60, { error: "skillYears" }),
        }),
      )
      .max(20, { error: "tooMany" })
      .default([])
      .refine((skills) => new Set(skills.map((s) => s.softwareId)).size === skills.length, { error: "duplicateSkill" }),
    references: z
      .array(
        z.object({
          clientType: z.string().trim().min(2, { error: "required" }).max(120, { error: "tooLong" }),
          project: z.string().trim().min(5, { error: "required" }).max(500, { error: "tooLong" }),
          year: z.coerce
            .number({ error: "year" })
            .int({ error: "year" })
            .min(1990, { error: "year" })
            .refine((y) => y <= currentYear(), { error: "year" }),
        }),
      )
      .max(5, { error: "tooManyReferences" })
      .default([]),
    publicFields: z.array(z.enum(publicFieldNames)).default([]),
  })
  .superRefine((value, ctx) => {
    checkLegalMentions(value, ctx);
    if (value.vatRegime === "vat_registered") {
      if (!value.vatNumber) {
        ctx.addIssue({ code: "custom", path: ["vatNumber"], message: "vatRequired" });
      } else {
        const verdict = checkVatNumber(value.vatNumber, value.siret?.slice(0, 9));
        if (verdict !== "valid") ctx.addIssue({ code: "custom", path: ["vatNumber"], message: `vat_${verdict}` });
      }
    }
  });

export type ExpertProfileInput = z.input<typeof expertProfileSchema>;
export type ExpertProfileData = z.output<typeof expertProfileSchema>;

export const evidenceUploadSchema = z.object({
  kind: choice(evidenceKind.enumValues, { error: "required" }),
  label: identityText()
    .max(120, { error: "tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined)),
  issuedOn: z
    .string()
    .max(10, { error: "date" })
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.iso.date({ error: "date" }).optional()),
  /** Qualiopi only: the certificate's number and its expiry date. */
  certificateNumber: identityText()
    .max(60, { error: "tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined)),
  expiresOn: z
    .string()
    .max(10, { error: "date" })
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.iso.date({ error: "date" }).optional()),
});

export type EvidenceUploadInput = z.input<typeof evidenceUploadSchema> & {
  file: { name: string; bytes: Uint8Array } | null;
};

export const decisionSchema = z
  .object({
    profileId: z.uuid({ error: "required" }),
    decision: choice(["approve", "request_changes", "reject"], { error: "required" }),
    reason: z.string().trim().max(4000, { error: "tooLong" }).default(""),
    checklist: z.record(z.string().max(40), z.boolean()).default({}),
    /** The clause of the terms or the law a refusal relies on, named in the statement of reasons (DSA art. 17). */
    ground: z.enum(RESTRICTION_GROUNDS).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "reject" && !value.ground) {
      ctx.addIssue({ code: "custom", path: ["ground"], message: "groundRequired" });
    }
    // Every decision is explained, approvals too: the note is kept and sent to the expert.
    if (value.reason.length < 10) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "decisionReason" });
    }
    // An approval says each point was checked.
    if (value.decision === "approve" && !VETTING_CHECKLIST.every((item) => value.checklist[item] === true)) {
      ctx.addIssue({ code: "custom", path: ["checklist"], message: "checklistIncomplete" });
    }
  });

export type DecisionInput = z.input<typeof decisionSchema>;
