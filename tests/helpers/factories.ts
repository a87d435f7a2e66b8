import { randomBytes } from "node:crypto";
import { db } from "@/db/client";
import { organizationMembers, organizations, users, type MemberRole, type UserRole } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { frenchVatNumber, luhnValid } from "@/lib/organizations/identifiers";

let sequence = 0;

/** A user row and the Actor a use case receives for it. */
export async function makeUser(role: UserRole | null, overrides: { email?: string; name?: string } = {}): Promise<Actor> {
  sequence += 1;
  const email = overrides.email ?? `user${sequence}-${randomBytes(3).toString("hex")}@example.test`;
  const [user] = await db
    .insert(users)
    .values({ email, name: overrides.name ?? `User ${sequence}`, role })
    .returning();
  if (!user) throw new Error("user not created");
  // An admin acts once their session passed the second factor (tests/integration/auth/second-factor covers the rest).
  const secondFactor = user.role === "admin" ? ("totp" as const) : null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, secondFactor };
}

export const validOrganizationInput = {
  legalName: "Boulangerie Martin SARL",
  registrationNumber: "812 345 676 00009",
  vatNumber: "FR 19 812345676",
  addressLine1: "12 rue des Lilas",
  postalCode: "69003",
  city: "Lyon",
};

/** A random SIREN (9 digits) whose Luhn key is right, as INSEE's are. */
export function freshSiren(): string {
  for (;;) {
    const candidate = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
    if (luhnValid(candidate)) return candidate;
  }
}

/** `validOrganizationInput` for a company of its own (one organisation per SIREN), with a bare SIREN. */
export function freshOrganizationInput(siren = freshSiren()) {
  return { ...validOrganizationInput, registrationNumber: siren, vatNumber: frenchVatNumber(siren) };
}

/** An organisation with `owner` as owner (and more members when given). */
export async function makeOrganization(owner: Actor, members: { actor: Actor; role: MemberRole }[] = []) {
  const [organization] = await db
    .insert(organizations)
    .values({ legalName: `Org ${++sequence}`, siren: "812345676", addressLine1: "1 rue A", postalCode: "75001", city: "Paris" })
    .returning();
  if (!organization) throw new Error("organization not created");
  await db.insert(organizationMembers).values([
    { organizationId: organization.id, userId: owner.id, role: "owner" as const },
    ...members.map((m) => ({ organizationId: organization.id, userId: m.actor.id, role: m.role })),
  ]);
  return organization;
}
