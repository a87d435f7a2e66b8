/**
 * The authorization matrix: every page and route handler of the app, found in its file tree,
 * requested by each kind of person (anonymous, newcomer, the demo organisation's owner and
 * member, another organisation's client, the contract's expert, another expert, an expert whose
 * profile is a draft, an admin). Who gets a 200 must be exactly who the access table says.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import { MANDATE_VERSION } from "@/lib/invoicing/mandate-text";
import { PAGES, ROUTES } from "./security/access-table";
import { sessionCookies, WHO, type Who } from "./security/sessions";
import { baseUrl, e2eEnabled } from "./support/browser";

const APP = path.resolve(import.meta.dirname, "../../app");

/** `app/jobs/[id]/page.tsx` → `/jobs/[id]`; route groups and private folders are left out. */
function routesOf(file: "page.tsx" | "route.ts"): string[] {
  const found: string[] = [];
  const walk = (dir: string, route: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith("_")) {
        const segment = entry.name.startsWith("(") ? "" : `/${entry.name}`;
        walk(path.join(dir, entry.name), `${route}${segment}`);
      } else if (entry.name === file) found.push(route || "/");
    }
  };
  walk(APP, "");
  return found.sort();
}

let sql: postgres.Sql;
let cookies: Record<Who, string | null>;
let fill: Record<string, string>;

async function one<T>(query: Promise<T[]>, what: string): Promise<T> {
  const [row] = await query;
  if (!row) throw new Error(`no ${what} in the demo data`);
  return row;
}

beforeAll(async () => {
  if (!e2eEnabled) return;
  sql = postgres(inject("e2eDatabaseUrl"), { max: 2, onnotice: () => {} });
  cookies = await sessionCookies(sql);
  const sophie = await one(
    sql<{ id: string; slug: string; user_id: string }[]>`select p.id, p.slug, p.user_id from expert_profiles p join users u on u.id = p.user_id where u.email = ${demoAccounts.expertSophie.email}`,
    "profile",
  );
  const contract = await one(
    sql<{ id: string; job_id: string; bid_id: string }[]>`
      select c.id, c.job_id, c.bid_id from contracts c join expert_profiles p on p.id = c.profile_id where p.id = ${sophie.id} order by c.created_at limit 1`,
    "contract",
  );
  const evidence = await sql<{ id: string }[]>`select id from evidence_files where profile_id = ${sophie.id} limit 1`;
  const email = await one(sql<{ id: string }[]>`select id from email_outbox order by created_at limit 1`, "email");
  const unknown = "00000000-0000-4000-8000-000000000000";
  fill = {
    slug: sophie.slug,
    id: "",
    bidId: contract.bid_id,
    step: "1",
    kind: "nda",
    token: "an-unknown-invitation-token",
    sessionId: "cs_test_local_unknown",
    accountId: "acct_test_unknown",
    year: "2019",
    version: "1",
    "...nextauth": "session",
    evidence: evidence[0]?.id ?? unknown,
    unknown,
    jobId: contract.job_id,
    contractId: contract.id,
    profileId: sophie.id,
    userId: sophie.user_id,
    emailId: email.id,
  };
});

afterAll(async () => {
  await sql?.end();
});

/** A concrete URL for a route pattern, with the demo data's ids. */
function urlFor(pattern: string): string {
  return pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    // The billing mandate's versions are named apart (its first one, always readable).
    if (name === "version" && pattern.startsWith("/legal/mandate/")) return MANDATE_VERSION;
    if (name !== "id") return fill[name]!;
    if (pattern.startsWith("/jobs/")) return fill.jobId!;
    if (pattern.startsWith("/contracts/")) return fill.contractId!;
    if (pattern.startsWith("/admin/vetting/")) return fill.profileId!;
    if (pattern.startsWith("/admin/users/")) return fill.userId!;
    if (pattern.startsWith("/dev/mailbox/")) return fill.emailId!;
    if (pattern.startsWith("/api/evidence/")) return fill.evidence!;
    return fill.unknown!;
  });
}

async function statusFor(url: string, who: Who): Promise<number> {
  const cookie = cookies[who];
  const response = await fetch(`${baseUrl}${url}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
  await response.arrayBuffer();
  return response.status;
}

async function matrix(table: Record<string, { ok: Who[] }>, patterns: string[]) {
  const wrong: string[] = [];
  for (const pattern of patterns) {
    const url = urlFor(pattern);
    for (const who of WHO) {
      const status = await statusFor(url, who);
      const expected = table[pattern]!.ok.includes(who);
      if ((status === 200) !== expected) wrong.push(`${pattern} (${url}) as ${who}: ${status}, expected ${expected ? "200" : "a refusal"}`);
      if (status >= 500) wrong.push(`${pattern} as ${who}: server error ${status}`);
    }
  }
  return wrong;
}

describe.skipIf(!e2eEnabled)("authorization matrix", () => {
  it("has an expected access for every page and route handler, and none for a removed one", () => {
    expect(routesOf("page.tsx")).toEqual(Object.keys(PAGES).sort());
    expect(routesOf("route.ts")).toEqual(Object.keys(ROUTES).sort());
  });

  it("gives each page to exactly the people the table names", async () => {
    expect(await matrix(PAGES, routesOf("page.tsx"))).toEqual([]);
  });

  it("gives each route handler to exactly the people the table names", async () => {
    expect(await matrix(ROUTES, routesOf("route.ts"))).toEqual([]);
  });
});
