import { z } from "zod";
import { choice } from "@/lib/text/choice";
import { identityText } from "@/lib/text/identity";
import { checkVatNumber, compactIdentifier, isValidSiren, isValidSiret } from "./identifiers";

const text = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(max, { error: "tooLong" });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined));

export const createOrganizationSchema = z
  .object({
    legalName: identityText({ error: "required" }).min(1, { error: "required" }).max(200, { error: "tooLong" }),
    /** SIREN (9 digits) or SIRET (14 digits), spaces allowed. */
    registrationNumber: z
      .string({ error: "required" })
      .max(40, { error: "sirenFormat" })
      .transform(compactIdentifier)
      .pipe(
        z
          .string()
          .min(1, { error: "required" })
          .refine((v) => /^\d{9}$/.test(v) || /^\d{14}$/.test(v), { error: "sirenFormat" })
          .refine((v) => (v.length === 9 ? isValidSiren(v) : isValidSiret(v)), { error: "sirenChecksum" }),
      ),
    vatNumber: optionalText(20).transform((v) => (v ? compactIdentifier(v) : undefined)),
    addressLine1: text(200),
    addressLine2: optionalText(200),
    postalCode: z
      .string({ error: "required" })
      .max(10, { error: "postalCode" })
      .trim()
      .regex(/^\d{5}$/, { error: "postalCode" }),
    city: text(100),
  })
  .superRefine((value, ctx) => {
    if (!value.vatNumber) return;
    const verdict = checkVatNumber(value.vatNumber, value.registrationNumber.slice(0, 9));
    if (verdict !== "valid") {
      ctx.addIssue({ code: "custom", path: ["vatNumber"], message: `vat_${verdict}` });
    }
  });

export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;

export const inviteMemberSchema = z.object({
  organizationId: z.uuid({ error: "required" }),
  email: z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .min(1, { error: "required" })
    .max(254, { error: "emailInvalid" })
    .pipe(z.email({ error: "emailInvalid" })),
  role: choice(["owner", "member"], { error: "required" }),
});

export type InviteMemberInput = z.input<typeof inviteMemberSchema>;

