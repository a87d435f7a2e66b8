/**
 * The world every server action of the authorization matrix is tried in: the nine kinds of
 * people of the page matrix (tests/e2e/security/sessions.ts), each with a real database session,
 * made through the real use cases, and a fingerprint of the database to tell whether a call
 * changed anything.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { organizationMembers, sessions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeVerifiedExpert } from "../../helpers/bids";
import { makeActiveContract, type ActiveContract } from "../../helpers/contracts";
import { makeCompleteExpert } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { WHO, type Who } from "../../e2e/security/sessions";

export { WHO, type Who };
export type Person = Exclude<Who, "anonymous">;

export interface World {
  people: Record<Person, Actor>;
  /** The contract between the owner's organisation and the party expert, active, two milestones. */
  contract: ActiveContract;
  organizationId: string;
  otherOrganizationId: string;
  profiles: { partyExpert: string; otherExpert: string; draftExpert: string };
  /** Each person's session cookie (the row is in `sessions`), for what Auth.js reads itself. */
  cookies: Record<Person, string>;
}

/** How an admin acts: a session that passed the second factor (an authenticator code). */
export function adminActor(user: Actor): Actor {
  return { ...user, secondFactor: "totp" };
}

export function actorOf(world: World, who: Who): Actor | null {
  if (who === "anonymous") return null;
  if (who === "admin") return adminActor(world.people.admin);
  // An admin whose session has not passed the second factor yet.
  if (who === "pendingAdmin") return { ...world.people.pendingAdmin, secondFactor: null };
  return world.people[who];
}

/**
 * The owner and a member of one organisation in an active contract with a verified expert;
 * another organisation's owner; another verified expert; an expert whose complete profile is
 * still a draft (with its evidence); a person who has not chosen a role; an admin, and an admin
 * whose session has not passed the second factor.
 */
export async function makeWorld(): Promise<World> {
  const [contract, otherClient, otherExpert, draft, newcomer, admin, pendingAdmin] = await Promise.all([
    makeActiveContract({ withMember: true }),
    makeUser("client", { name: "Olivier Autre" }),
    makeVerifiedExpert(),
    makeCompleteExpert(),
    makeUser(null, { name: "Nina Nouvelle" }),
    makeUser("admin", { name: "Ada Admin" }),
    makeUser("admin", { name: "Paul Admin" }),
  ]);
  const other = await makeOrganization(otherClient);
  const [membership] = await db.select().from(organizationMembers).where(eq(organizationMembers.userId, contract.owner.id));
  if (!membership || !contract.member) throw new Error("the contract's organisation is missing");
  const people: Record<Person, Actor> = {
    newcomer,
    clientOwner: contract.owner,
    clientMember: contract.member,
    otherClient,
    partyExpert: contract.expert,
    otherExpert,
    draftExpert: draft.actor,
    admin,
    pendingAdmin,
  };
  const cookies = {} as Record<Person, string>;
  for (const [who, person] of Object.entries(people) as [Person, Actor][]) {
    const token = randomUUID();
    const factor = who === "admin" ? { secondFactorMethod: "totp" as const, secondFactorAt: new Date() } : {};
    const [row] = await db
      .insert(sessions)
      .values({ sessionToken: token, userId: person.id, expires: new Date(Date.now() + 3_600_000), ...factor })
      .returning({ id: sessions.id });
    people[who] = { ...person, sessionId: row!.id };
    cookies[who] = `authjs.session-token=${token}`;
  }
  return {
    people,
    contract,
    organizationId: membership.organizationId,
    otherOrganizationId: other.id,
    profiles: { partyExpert: contract.expert.profileId, otherExpert: otherExpert.profileId, draftExpert: draft.profileId },
    cookies,
  };
}

/**
 * Tables that change on any request, whoever makes it, and so say nothing about authorization:
 * `rate_limit_buckets` counts sign-in requests (per address and per IP) before anything else.
 */
export const VOLATILE_TABLES = ["rate_limit_buckets"];

/** One digest per table of the `public` schema (rows in text form, sorted). */
export async function fingerprint(): Promise<Record<string, string>> {
  const tables = (await db.execute<{ name: string }>(sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`))
    .map((t) => t.name)
    .filter((name) => !VOLATILE_TABLES.includes(name));
  const query = tables
    .map((name) => `select '${name}' as name, md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as digest from "${name}" t`)
    .join(" union all ");
  const rows = await db.execute<{ name: string; digest: string }>(sql.raw(query));
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

/** The tables whose content differs between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}
