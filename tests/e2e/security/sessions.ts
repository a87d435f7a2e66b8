/**
 * Real database sessions for each kind of person the authorization matrix tries, made directly
 * in the app's database (the sign-in itself has its own tests): the demo accounts, plus a person
 * who has not chosen a role, a client of another organisation, and an admin whose session has
 * not passed the second factor yet.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type postgres from "postgres";
import { demoAccounts } from "@/db/seed/seed";

export const WHO = [
  "anonymous",
  "newcomer",
  "clientOwner",
  "clientMember",
  "otherClient",
  "partyExpert",
  "otherExpert",
  "draftExpert",
  "admin",
  "pendingAdmin",
] as const;
export type Who = (typeof WHO)[number];

const DEMO_EMAIL: Partial<Record<Who, string>> = {
  clientOwner: demoAccounts.clientOwner.email,
  clientMember: demoAccounts.clientMember.email,
  partyExpert: demoAccounts.expertSophie.email,
  otherExpert: demoAccounts.expertKarim.email,
  draftExpert: demoAccounts.expertThomas.email,
  admin: demoAccounts.admin.email,
};

async function userId(sql: postgres.Sql, email: string): Promise<string> {
  const [row] = await sql<{ id: string }[]>`select id from users where email = ${email}`;
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

async function extraPeople(sql: postgres.Sql): Promise<{ newcomer: string; otherClient: string; pendingAdmin: string }> {
  const suffix = randomBytes(4).toString("hex");
  const [newcomer] = await sql<{ id: string }[]>`
    insert into users (email, name, email_verified) values (${`newcomer-${suffix}@example.test`}, 'Nouvel Arrivant', now()) returning id`;
  const [other] = await sql<{ id: string }[]>`
    insert into users (email, name, role, email_verified) values (${`other-${suffix}@example.test`}, 'Olivier Autre', 'client', now()) returning id`;
  const [organization] = await sql<{ id: string }[]>`
    insert into organizations (legal_name, siren, address_line1, postal_code, city, created_by_id)
    values ('Autre Entreprise SAS', '732829320', '2 place du Marché', '69002', 'Lyon', ${other!.id}) returning id`;
  await sql`insert into organization_members (organization_id, user_id, role) values (${organization!.id}, ${other!.id}, 'owner')`;
  const [pending] = await sql<{ id: string }[]>`
    insert into users (email, name, role, email_verified) values (${`pending-admin-${suffix}@example.test`}, 'Paul Admin', 'admin', now()) returning id`;
  return { newcomer: newcomer!.id, otherClient: other!.id, pendingAdmin: pending!.id };
}

/** A session cookie per person (none for the anonymous visitor). */
export async function sessionCookies(sql: postgres.Sql): Promise<Record<Who, string | null>> {
  const extra = await extraPeople(sql);
  const cookies = { anonymous: null } as Record<Who, string | null>;
  for (const who of WHO) {
    if (who === "anonymous") continue;
    const id = who === "newcomer" || who === "otherClient" || who === "pendingAdmin" ? extra[who] : await userId(sql, DEMO_EMAIL[who]!);
    const token = randomUUID();
    // The admin's session has passed the second factor; the pending admin's has not.
    const factor = who === "admin" ? "totp" : null;
    await sql`
      insert into sessions (session_token, user_id, expires, second_factor_method, second_factor_at)
      values (${token}, ${id}, now() + interval '2 hours', ${factor}, ${factor ? new Date() : null})`;
    cookies[who] = `authjs.session-token=${token}`;
  }
  return cookies;
}
