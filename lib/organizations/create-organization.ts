import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { organizationMembers, organizations, type Organization } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fail, ok, type Result } from "@/lib/result";
import { fieldErrors } from "@/lib/actions/field-errors";
import { isEinvoicingOn } from "@/lib/einvoicing/config";
import { queueAddressLookup } from "@/lib/einvoicing/directory-jobs";
import { checkCompany, refusedCompany } from "@/lib/companies/check";
import { createOrganizationSchema, type CreateOrganizationInput } from "./schemas";

export type CreateOrganizationError = "invalid" | "already_member" | "siren_taken";

/**
 * A client creates its organisation and becomes its first owner. A client belongs to one
 * organisation at a time; colleagues join through invitations, and so does anyone from a company
 * that already has one (one organisation per SIREN). INSEE's Sirene directory is asked first,
 * outside the transaction: a closed or unknown company is refused, an unreachable API is not.
 */
export async function createOrganization(
  actor: Actor | null,
  input: CreateOrganizationInput,
): Promise<Result<Organization, CreateOrganizationError>> {
  const user = requireRole(actor, "client");
  const parsed = createOrganizationSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const data = parsed.data;
  const siret = data.registrationNumber.length === 14 ? data.registrationNumber : null;
  const siren = data.registrationNumber.slice(0, 9);
  const refusal = refusedCompany(await checkCompany(data.registrationNumber));
  if (refusal) return fail("invalid", { registrationNumber: refusal });

  return db.transaction(async (tx) => {
    // Serialise concurrent submissions of the same user (double click, two tabs).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`org-create:${user.id}`}))`);
    const existing = await tx
      .select({ id: organizationMembers.id })
      .from(organizationMembers)
      .where(eq(organizationMembers.userId, user.id))
      .limit(1);
    if (existing.length > 0) return fail("already_member");
    // One organisation per SIREN; the lock makes two simultaneous creations wait for each other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`org-siren:${siren}`}))`);
    const taken = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.siren, siren)).limit(1);
    if (taken.length > 0) return fail("siren_taken");

    const [organization] = await tx
      .insert(organizations)
      .values({
        legalName: data.legalName,
        siren,
        siret,
        vatNumber: data.vatNumber ?? null,
        addressLine1: data.addressLine1,
        addressLine2: data.addressLine2 ?? null,
        postalCode: data.postalCode,
        city: data.city,
        createdById: user.id,
      })
      .returning();
    if (!organization) throw new Error("organization insert returned nothing");
    await tx.insert(organizationMembers).values({ organizationId: organization.id, userId: user.id, role: "owner" });
    if (isEinvoicingOn()) await queueAddressLookup(tx, organization.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: "organization.created",
      subjectType: "organization",
      subjectId: organization.id,
      data: { siren: organization.siren },
    });
    return ok(organization);
  });
}
