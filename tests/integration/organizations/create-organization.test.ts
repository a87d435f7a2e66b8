import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, organizationMembers, organizations } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { createOrganization } from "@/lib/organizations/create-organization";
import type { Actor } from "@/lib/auth/actor";
import { freshOrganizationInput, makeOrganization, makeUser, validOrganizationInput } from "../../helpers/factories";

const organizationsCreatedBy = (actor: Actor) =>
  db.select().from(organizations).where(eq(organizations.createdById, actor.id));

describe("createOrganization", () => {
  it("lets a client create its organisation and become its owner, with an audit row", async () => {
    const client = await makeUser("client");
    const result = await createOrganization(client, validOrganizationInput);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      legalName: "Boulangerie Martin SARL",
      siren: "812345676",
      siret: "81234567600009",
      vatNumber: "FR19812345676",
      postalCode: "69003",
    });
    const members = await db.select().from(organizationMembers).where(eq(organizationMembers.organizationId, result.value.id));
    expect(members).toEqual([expect.objectContaining({ userId: client.id, role: "owner" })]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, result.value.id));
    expect(audit.map((a) => a.action)).toEqual(["organization.created"]);
  });

  it("accepts a bare SIREN and no VAT number", async () => {
    const client = await makeUser("client");
    const result = await createOrganization(client, { ...validOrganizationInput, registrationNumber: "732829320", vatNumber: "" });
    expect(result.ok && result.value.siret === null && result.value.vatNumber === null).toBe(true);
  });

  it("refuses a SIRET whose Luhn key is wrong, naming the field, and writes nothing", async () => {
    const client = await makeUser("client");
    const result = await createOrganization(client, { ...validOrganizationInput, registrationNumber: "81234567600008" });
    expect(result).toEqual({ ok: false, error: "invalid", fields: { registrationNumber: "sirenChecksum" } });
    expect(await organizationsCreatedBy(client)).toHaveLength(0);
  });

  it("reports every bad field at once", async () => {
    const client = await makeUser("client");
    const result = await createOrganization(client, {
      legalName: " ",
      registrationNumber: "123",
      vatNumber: "FR00812345676",
      addressLine1: "",
      postalCode: "6900",
      city: "",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields).toEqual({
      legalName: "required",
      registrationNumber: "sirenFormat",
      addressLine1: "required",
      postalCode: "postalCode",
      city: "required",
      vatNumber: "vat_invalid_key",
    });
  });

  it("refuses a VAT number that belongs to another SIREN", async () => {
    const client = await makeUser("client");
    const result = await createOrganization(client, { ...validOrganizationInput, vatNumber: "FR30903123453" });
    expect(result).toEqual({ ok: false, error: "invalid", fields: { vatNumber: "vat_siren_mismatch" } });
  });

  it("refuses anonymous visitors, experts, admins and people without a role", async () => {
    await expect(createOrganization(null, validOrganizationInput)).rejects.toThrow(new PolicyError("unauthenticated"));
    for (const role of ["expert", "admin", null] as const) {
      const actor = await makeUser(role);
      await expect(createOrganization(actor, validOrganizationInput)).rejects.toThrow(new PolicyError("forbidden"));
      expect(await organizationsCreatedBy(actor)).toHaveLength(0);
    }
  });

  it("refuses a client who already belongs to an organisation", async () => {
    const client = await makeUser("client");
    await makeOrganization(client);
    expect(await createOrganization(client, validOrganizationInput)).toEqual({ ok: false, error: "already_member" });
  });

  it("creates exactly one organisation when the same client submits twice at once", async () => {
    const client = await makeUser("client");
    const input = freshOrganizationInput();
    const results = await Promise.all([createOrganization(client, input), createOrganization(client, input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "already_member")).toHaveLength(1);
    expect(await organizationsCreatedBy(client)).toHaveLength(1);
  });
});
