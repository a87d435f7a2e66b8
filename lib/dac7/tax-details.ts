import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { expertProfiles, expertTaxDetails } from "@/db/schema";
import { fieldErrors } from "@/lib/actions/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fail, ok, type Result } from "@/lib/result";
import { identityText } from "@/lib/text/identity";
import { isIndividual } from "./sellers";

/** An IBAN: country, check digits and account, whose ISO 7064 mod-97 check holds. */
export function isValidIban(value: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(value)) return false;
  const digits = (value.slice(4) + value.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
  return rest === 1;
}

/** A real calendar day, YYYY-MM-DD, of someone between 16 and 120 years old on `today`. */
function isBirthDate(value: string, today: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return false;
  const age = Number(today.slice(0, 4)) - Number(value.slice(0, 4)) - (today.slice(5) < value.slice(5) ? 1 : 0);
  return age >= 16 && age <= 120;
}

const optionalText = (max: number) => identityText().max(max, { error: "tooLong" }).optional().transform((v) => v || null);

function taxDetailsSchema(individual: boolean, today: string) {
  const nameField = (max: number) => (individual ? identityText({ error: "required" }).min(1, { error: "required" }).max(max, { error: "tooLong" }) : optionalText(max));
  return z.object({
    firstName: nameField(100),
    lastName: nameField(100),
    birthDate: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v !== null || !individual, { error: "required" })
      .refine((v) => v === null || isBirthDate(v, today), { error: "birthDate" }),
    birthCity: optionalText(100),
    iban: z
      .string()
      .max(60, { error: "iban" })
      .optional()
      .transform((v) => (v ?? "").replace(/[\s-]/g, "").toUpperCase() || null)
      .refine((v) => v === null || isValidIban(v), { error: "iban" }),
  });
}

export type TaxDetailsInput = Record<string, string | undefined>;

/** What the expert gave for the DAC7 declaration, and whether they declare as an individual. */
/** What `getMyTaxDetails` answers. */
export type MyTaxDetails = Awaited<ReturnType<typeof getMyTaxDetails>>;

export async function getMyTaxDetails(actor: Actor | null) {
  const expert = requireRole(actor, "expert");
  const [row] = await db
    .select({ details: expertTaxDetails, legalForm: expertProfiles.legalForm, siret: expertProfiles.siret })
    .from(expertProfiles)
    .leftJoin(expertTaxDetails, eq(expertTaxDetails.userId, expertProfiles.userId))
    .where(eq(expertProfiles.userId, expert.id));
  const legalForm = row?.legalForm ?? null;
  return { details: row?.details ?? null, legalForm, individual: isIndividual(legalForm), hasSiret: Boolean(row?.siret) };
}

/**
 * The expert gives what the DAC7 declaration needs beyond the profile: an individual
 * (micro-entrepreneur, EI, or no legal form yet) their first and last name and date of birth;
 * anyone, optionally, their birthplace and the IBAN of the account they are paid on.
 */
export async function saveMyTaxDetails(actor: Actor | null, input: TaxDetailsInput, today = new Date().toISOString().slice(0, 10)): Promise<Result<void, "invalid">> {
  const expert = requireRole(actor, "expert");
  const { individual } = await getMyTaxDetails(expert);
  const parsed = taxDetailsSchema(individual, today).safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const values = { ...parsed.data, updatedAt: new Date() };
  await db.transaction(async (tx) => {
    await tx.insert(expertTaxDetails).values({ userId: expert.id, ...values }).onConflictDoUpdate({ target: expertTaxDetails.userId, set: values });
    await recordAudit(tx, { actorId: expert.id, action: "tax_details.saved", subjectType: "user", subjectId: expert.id });
  });
  return ok(undefined);
}
