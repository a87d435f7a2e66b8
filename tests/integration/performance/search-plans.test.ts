import postgres from "postgres";
import { sql, type SQLWrapper } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { SCALE_TERMS, seedAtScale } from "@/db/seed/scale";
import { seedCatalog } from "@/db/seed/seed";
import { directoryFiltersSchema, expertSearchQueries, PAGE_SIZE, searchExperts } from "@/lib/experts/directory";
import { jobFiltersSchema, JOBS_PAGE_SIZE, jobSearchQueries, searchJobs } from "@/lib/jobs/queries";
import { COUNT_CAP, COUNT_SAMPLE_ROWS, nearSoftwareNameQuery } from "@/lib/search/text-query";

/**
 * The searches stay fast because indexes serve them: on a seeded table (20,000 needs, 2,000
 * experts), EXPLAIN ANALYZE of every statement the board and the directory run for a common
 * term, a rare term and a term that matches nothing reads the table through an index, never a
 * sequential scan of the whole table (the board's count reads a bounded sample of its narrow
 * side rows in sequence), and reads again only the page's rows. No timing here (a
 * busy machine made it flaky): `npm run bench` times these statements on 100,000 needs
 * (scripts/bench/database-goals.ts: ≤ 5 ms at p95, EXPLAIN ANALYZE ≤ 20 ms).
 */
interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Loops"?: number;
  "Actual Rows"?: number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function explain(query: SQLWrapper) {
  // Twice: the first run warms the cache, as a busy server's would be.
  await db.execute(sql`explain (analyze, format json) ${query}`);
  const [row] = await db.execute<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(sql`explain (analyze, format json) ${query}`);
  const [result] = row!["QUERY PLAN"];
  return { all: nodes(result.Plan) };
}

/** No sequential scan of `table`, and one of `indexes` read. */
function expectIndexed(plan: { all: PlanNode[] }, table: string, indexes: string[]) {
  expect(plan.all.filter((n) => n["Relation Name"] === table).map((n) => n["Node Type"])).not.toContain("Seq Scan");
  expect(plan.all.map((n) => n["Index Name"]).filter((name) => name && indexes.includes(name))).not.toEqual([]);
}

/** Rows of `table` read by primary key: only the page's, not every ranked candidate's. */
function pageRowsReadAgain(plan: { all: PlanNode[] }, primaryKey: string): number {
  return plan.all.filter((n) => n["Index Name"] === primaryKey).reduce((sum, n) => sum + (n["Actual Loops"] ?? 0) * (n["Actual Rows"] ?? 0), 0);
}

beforeAll(async () => {
  await seedCatalog(db);
  const client = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  await seedAtScale(client, { jobs: 20_000, experts: 2_000, bids: 4_000, contracts: 500 });
  await client.end();
}, 120_000);

/** Nodes of the plan that ran (a branch a CASE did not need is listed, never executed). */
const ran = (plan: { all: PlanNode[] }) => plan.all.filter((n) => (n["Actual Loops"] ?? 0) > 0);

describe("job board search plans", () => {
  for (const [kind, term] of Object.entries(SCALE_TERMS)) {
    it(`« ${term} » (${kind} term): through the side rows' indexes, the page's rows read once more at most`, async () => {
      const filters = jobFiltersSchema.parse({ q: term });
      const { count } = jobSearchQueries(filters);
      const [counted] = await db.execute<{ count: number }>(count);
      const { rows } = jobSearchQueries(filters, { fewMatches: Number(counted?.count) <= COUNT_CAP });
      const rowsPlan = await explain(rows);
      expectIndexed(rowsPlan, "job_search_entries", ["job_search_entries_search_idx", "job_search_entries_recency_idx"]);
      // The needs themselves: only the page's, by primary key.
      expect(rowsPlan.all.filter((n) => n["Relation Name"] === "jobs").map((n) => n["Index Name"])).toEqual(["jobs_pkey"]);
      expect(pageRowsReadAgain(rowsPlan, "jobs_pkey")).toBeLessThanOrEqual(JOBS_PAGE_SIZE);
      // A rare word never walks the recency index (that reads every open need when few match).
      if (kind !== "common") expect(rowsPlan.all.map((n) => n["Index Name"])).not.toContain("job_search_entries_recency_idx");
      // The count never reads the needs; it reads at most COUNT_SAMPLE_ROWS side rows in sequence
      // (never the whole table, 18,000 here), and the full-text index once, unless the words'
      // figures prove more than the cap (a common word: then no side row at all).
      const countPlan = ran(await explain(count));
      expect(countPlan.map((n) => n["Relation Name"])).not.toContain("jobs");
      if (kind === "common") expect(countPlan.map((n) => n["Relation Name"])).not.toContain("job_search_entries");
      for (const scan of countPlan.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "job_search_entries")) {
        expect(scan["Actual Rows"]).toBeLessThanOrEqual(COUNT_SAMPLE_ROWS);
      }
      expect(countPlan.filter((n) => n["Index Name"] === "job_search_entries_search_idx")).toHaveLength(kind === "common" ? 0 : 1);
    });
  }
});

interface FilteredPlanNode extends PlanNode {
  Filter?: string;
  "Recheck Cond"?: string;
  Output?: string[];
}

/** Where a node computes the text query itself (to_tsquery of the parameter) rather than reading it once computed. */
const computesQueryPerRow = (plan: FilteredPlanNode[]) =>
  plan.filter((n) => n["Node Type"] !== "Result" && [n.Filter, n["Recheck Cond"], ...(n.Output ?? [])].some((text) => text?.includes("to_tsquery"))).map((n) => n["Node Type"]);

/** EXPLAIN ANALYZE of `query` prepared, under the plan PostgreSQL makes without the parameters' values. */
async function genericPlan(query: { sql: string; params: unknown[] }): Promise<FilteredPlanNode[]> {
  const client = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const types = query.params.map((p) => (typeof p === "number" ? "int" : "text")).join(", ");
    await client.unsafe(`set plan_cache_mode = force_generic_plan`);
    await client.unsafe(`prepare search(${types}) as ${query.sql}`);
    const values = query.params.map((p) => (typeof p === "number" ? String(p) : `'${String(p).replaceAll("'", "''")}'`)).join(", ");
    const [row] = await client.unsafe(`explain (analyze, verbose, format json) execute search(${values})`);
    return nodes((row!["QUERY PLAN"] as [{ Plan: PlanNode }])[0].Plan);
  } finally {
    await client.end({ timeout: 5 });
  }
}

describe("a prepared statement's generic plan", () => {
  // The board's statements are prepared (db/client.ts executePrepared); after five runs on a
  // connection PostgreSQL may keep a plan made without the parameters' values.
  it("still walks the recency index for a common term (it cannot see the term: it must not sort every match)", async () => {
    const plan = await genericPlan(jobSearchQueries(jobFiltersSchema.parse({ q: SCALE_TERMS.common })).rows.toSQL());
    expect(plan.map((n) => n["Index Name"])).toContain("job_search_entries_recency_idx");
    expect(plan.map((n) => n["Index Name"])).not.toContain("job_search_entries_search_idx");
    // The text query is computed once, not again for each side row walked.
    expect(computesQueryPerRow(plan)).toEqual([]);
  });

  it("still reads the directory through its full-text index, the text query computed once", async () => {
    const plan = await genericPlan(expertSearchQueries(directoryFiltersSchema.parse({ q: "nextcloud" })).rows.toSQL());
    expect(plan.map((n) => n["Index Name"])).toContain("expert_profiles_verified_search_idx");
    expect(computesQueryPerRow(plan)).toEqual([]);
  });

  it("still counts a common word from the words' figures, without reading a side row", async () => {
    const plan = await genericPlan(new PgDialect().sqlToQuery(jobSearchQueries(jobFiltersSchema.parse({ q: SCALE_TERMS.common })).count));
    expect(ran({ all: plan }).map((n) => n["Relation Name"])).not.toContain("job_search_entries");
    expect(ran({ all: plan }).map((n) => n["Relation Name"])).toContain("job_search_words");
  });
});

describe("expert directory search plans", () => {
  for (const [kind, term] of Object.entries({ common: "nextcloud", rare: "expert-bench-1999", none: SCALE_TERMS.none })) {
    it(`« ${term} » (${kind} term): through the full-text index, the page's rows read once more at most`, async () => {
      const { rows, count } = expertSearchQueries(directoryFiltersSchema.parse({ q: term }));
      for (const query of [rows, count]) expectIndexed(await explain(query), "expert_profiles", ["expert_profiles_verified_search_idx"]);
      expect((await explain(count)).all.filter((n) => n["Index Name"] === "expert_profiles_verified_search_idx")).toHaveLength(1);
      expect(pageRowsReadAgain(await explain(rows), "expert_profiles_pkey")).toBeLessThanOrEqual(PAGE_SIZE);
    });
  }
});

describe("misspelling fallback", () => {
  it("looks the nearest software name up in the small catalogue only, never in the needs or the profiles", async () => {
    for (const term of ["nexcloud", SCALE_TERMS.none, "installer wiregard pour la mairie"]) {
      const tables = (await explain(nearSoftwareNameQuery(term))).all.map((n) => n["Relation Name"]).filter(Boolean);
      expect(new Set(tables)).toEqual(new Set(["catalog_software"]));
    }
  });
});

describe("the full-text indexes", () => {
  it("keep no pending list (fastupdate off): a search never reads through the rows added since the last vacuum", async () => {
    const rows = await db.execute<{ name: string; options: string[] | null }>(sql`select relname as name, reloptions as options from pg_class
      where relname in ('job_search_entries_search_idx', 'expert_profiles_verified_search_idx') order by relname`);
    expect(rows.map((r) => [r.name, r.options])).toEqual([
      ["expert_profiles_verified_search_idx", ["fastupdate=false"]],
      ["job_search_entries_search_idx", ["fastupdate=false"]],
    ]);
  });
});

describe("search results", () => {
  it("counts stop at the cap; a common term finds its share of the open needs, newest first among equals", async () => {
    const all = await searchJobs(jobFiltersSchema.parse({}));
    expect(all).toMatchObject({ total: COUNT_CAP, totalCapped: true, pages: COUNT_CAP / 20 });
    const common = await searchJobs(jobFiltersSchema.parse({ q: SCALE_TERMS.common }));
    expect(common.totalCapped).toBe(true);
    expect(common.jobs).toHaveLength(20);
    for (const job of common.jobs) {
      expect(job.title).toContain("WireGuard");
      expect(job.software.length).toBe(1); // the sub-select reads the job's own software
    }
    const rare = await searchJobs(jobFiltersSchema.parse({ q: SCALE_TERMS.rare }));
    expect(rare.totalCapped).toBe(false);
    expect(rare.total).toBeGreaterThan(0);
    expect(rare.total).toBeLessThan(30);
    for (const job of rare.jobs) expect(job.description).toContain("Quimper");
  });

  it("the last word typed matches as a prefix", async () => {
    const jobs = await searchJobs(jobFiltersSchema.parse({ q: "Installer nextcl" }));
    expect(jobs.correctedTo).toBeNull();
    expect(jobs.total).toBeGreaterThan(0);
    for (const job of jobs.jobs) expect(job.title).toMatch(/Installer Nextcloud/);
    const experts = await searchExperts(directoryFiltersSchema.parse({ q: "keyclo" }));
    expect(experts.total).toBeGreaterThan(0);
    expect(experts.correctedTo).toBeNull();
    for (const expert of experts.experts) {
      expect(expert.skills).toHaveLength(2);
      expect(`${expert.headline} ${expert.skills.join(" ")}`).toContain("Keycloak");
    }
  });

  it("a misspelled software name finds the software when nothing matches exactly", async () => {
    const jobs = await searchJobs(jobFiltersSchema.parse({ q: "nexcloud" }));
    expect(jobs.correctedTo).toBe("Nextcloud");
    expect(jobs.jobs.length).toBeGreaterThan(0);
    for (const job of jobs.jobs) expect(job.title).toContain("Nextcloud");
    const experts = await searchExperts(directoryFiltersSchema.parse({ q: "nexcloud" }));
    expect(experts.correctedTo).toBe("Nextcloud");
    expect(experts.experts.length).toBeGreaterThan(0);
    for (const expert of experts.experts) expect(`${expert.headline} ${expert.skills.join(" ")}`).toContain("Nextcloud");
    const nothing = await searchJobs(jobFiltersSchema.parse({ q: SCALE_TERMS.none }));
    expect(nothing).toMatchObject({ total: 0, correctedTo: null, jobs: [] });
  });

  it("web-search syntax still works: a quoted phrase and an exclusion", async () => {
    const excluded = await searchJobs(jobFiltersSchema.parse({ q: "wireguard -mairie" }));
    for (const job of excluded.jobs) expect(job.title).not.toContain("mairie");
    const phrase = await searchJobs(jobFiltersSchema.parse({ q: "\"cabinet comptable\"" }));
    for (const job of phrase.jobs) expect(job.title).toContain("cabinet comptable");
  });
});
