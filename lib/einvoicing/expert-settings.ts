import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { einvoicingChannel, expertProfiles, vatFiling, type EinvoicingChannel, type VatFiling } from "@/db/schema";
import { fieldErrors } from "@/lib/actions/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fail, ok, type Result } from "@/lib/result";

export interface EinvoicingSettings {
  channel: EinvoicingChannel;
  ownPaName: string | null;
  ownPaAddress: string | null;
  vatFiling: VatFiling | null;
  /** The SIREN the electronic address must start with (the profile's SIRET), when known. */
  siren: string | null;
}

/** An electronic invoicing address of the French directory (scheme 0225): the SIREN, alone or with a suffix ("SIREN_SIRET", "SIREN_FACTURES"). */
const ADDRESS = /^\d{9}(_[A-Za-z0-9._-]{1,90})?$/;

function settingsSchema(siren: string | null) {
  const optional = (max: number) =>
    z
      .string()
      .trim()
      .max(max, { error: "tooLong" })
      .optional()
      .transform((v) => v || null);
  return z
    .object({
      channel: z.enum(einvoicingChannel.enumValues, { error: "required" }),
      ownPaName: optional(100),
      ownPaAddress: optional(100).refine((v) => v === null || ADDRESS.test(v), { error: "electronicAddress" }),
      vatFiling: z
        .union([z.enum(vatFiling.enumValues), z.literal("")], { error: "required" })
        .optional()
        .transform((v) => v || null),
    })
    .superRefine((value, context) => {
      if (value.channel !== "own_pa") return;
      if (!value.ownPaName) context.addIssue({ code: "custom", path: ["ownPaName"], message: "required" });
      if (!value.ownPaAddress) context.addIssue({ code: "custom", path: ["ownPaAddress"], message: "required" });
      else if (siren && !value.ownPaAddress.startsWith(siren)) context.addIssue({ code: "custom", path: ["ownPaAddress"], message: "electronicAddressSiren" });
    });
}

/** The expert's e-invoicing choice: who transmits the invoices issued in their name, and how often they file VAT returns. */
export async function getMyEinvoicingSettings(actor: Actor | null): Promise<EinvoicingSettings> {
  const expert = requireRole(actor, "expert");
  const [row] = await db
    .select({ channel: expertProfiles.einvoicingChannel, ownPaName: expertProfiles.ownPaName, ownPaAddress: expertProfiles.ownPaAddress, vatFiling: expertProfiles.vatFiling, siret: expertProfiles.siret })
    .from(expertProfiles)
    .where(eq(expertProfiles.userId, expert.id));
  return { channel: row?.channel ?? "compagnon", ownPaName: row?.ownPaName ?? null, ownPaAddress: row?.ownPaAddress ?? null, vatFiling: row?.vatFiling ?? null, siren: row?.siret?.slice(0, 9) ?? null };
}

/**
 * The expert chooses who sends the invoices Compagnon issues in their name to a Plateforme
 * Agréée (XP Z12-014, the mandated third party): Compagnon's PA on their behalf (the default, as
 * the billing mandate says), or their own PA, named, with their electronic address there (it
 * starts with their SIREN). With their own PA, later invoices and their credit notes are marked
 * "transmitted by the expert's PA", never sent by Compagnon, and the expert is reminded to deposit
 * each one; documents already issued keep the way they were issued with. Also: how often they file
 * VAT returns, which sets the periods of their e-reporting.
 */
export async function saveMyEinvoicingSettings(actor: Actor | null, input: Record<string, string | undefined>): Promise<Result<void, "invalid" | "no_profile">> {
  const expert = requireRole(actor, "expert");
  const current = await getMyEinvoicingSettings(expert);
  const parsed = settingsSchema(current.siren).safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { channel, ownPaName, ownPaAddress, vatFiling: filing } = parsed.data;
  const own = channel === "own_pa";
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(expertProfiles)
      .set({ einvoicingChannel: channel, ownPaName: own ? ownPaName : null, ownPaAddress: own ? ownPaAddress : null, vatFiling: filing, updatedAt: new Date() })
      .where(eq(expertProfiles.userId, expert.id))
      .returning({ id: expertProfiles.id });
    if (updated.length === 0) return fail("no_profile");
    await recordAudit(tx, { actorId: expert.id, action: "einvoicing.settings_saved", subjectType: "user", subjectId: expert.id, data: { channel, vatFiling: filing } });
    return ok(undefined);
  });
}
