import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { bids, catalogSoftware, jobs, jobSoftware, paidServices, savingsAssumptionKeys, savingsAssumptions, type SavingsAssumptionKey } from "@/db/schema";
import type { PriceData } from "./estimate";

/** Accepted installation bids of the last two years count as the market price of a program. */
const MARKET_WINDOW = sql`now() - interval '2 years'`;

/** Everything the estimate needs, read in one go: prices, assumptions, names, market medians. */
export async function getSavingsPriceData(): Promise<PriceData> {
  const [services, assumptionRows] = await Promise.all([
    db.select().from(paidServices).orderBy(asc(paidServices.category), asc(paidServices.name)),
    db.select().from(savingsAssumptions),
  ]);
  const slugs = [...new Set(services.flatMap((service) => service.replacementSlugs))];
  const [software, market] = await Promise.all([
    slugs.length === 0 ? [] : db.select({ slug: catalogSoftware.slug, name: catalogSoftware.name }).from(catalogSoftware).where(inArray(catalogSoftware.slug, slugs)),
    slugs.length === 0 ? [] : marketInstallationMedians(slugs),
  ]);
  const assumptions = Object.fromEntries(assumptionRows.map(({ key, cents, source, pricedOn }) => [key, { cents, source, pricedOn }]));
  return {
    services: services.map(({ slug, name, category, monthlyCentsPerUser, replacementSlugs, source, pricedOn }) => ({ slug, name, category, monthlyCentsPerUser, replacementSlugs, source, pricedOn })),
    assumptions: assumptions as PriceData["assumptions"],
    softwareNames: Object.fromEntries(software.map(({ slug, name }) => [slug, name])),
    marketInstallation: Object.fromEntries(market.map(({ slug, medianCents, bids: count }) => [slug, { medianCents, bids: count }])),
  };
}

/**
 * Median accepted bid of recent installation needs that name the program, split evenly between
 * the programs the need names (a need for Nextcloud and Collabora counts half for each).
 */
async function marketInstallationMedians(slugs: string[]) {
  const perProgram = db.$with("per_program").as(
    db
      .select({
        slug: catalogSoftware.slug,
        share: sql<number>`${bids.totalCents}::float8 / (select count(*) from ${jobSoftware} js where js.job_id = ${jobs.id})`.as("share"),
      })
      .from(bids)
      .innerJoin(jobs, eq(jobs.id, bids.jobId))
      .innerJoin(jobSoftware, eq(jobSoftware.jobId, jobs.id))
      .innerJoin(catalogSoftware, eq(catalogSoftware.id, jobSoftware.softwareId))
      .where(and(eq(bids.status, "accepted"), eq(jobs.kind, "installation"), inArray(catalogSoftware.slug, slugs), sql`${bids.createdAt} >= ${MARKET_WINDOW}`)),
  );
  return db
    .with(perProgram)
    .select({
      slug: perProgram.slug,
      medianCents: sql<number>`round(percentile_cont(0.5) within group (order by ${perProgram.share}))::int`.mapWith(Number),
      bids: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(perProgram)
    .groupBy(perProgram.slug);
}

/** The admin's view: every price with who last changed it. */
export async function listSavingsPrices() {
  const [services, assumptions] = await Promise.all([
    db.select().from(paidServices).orderBy(asc(paidServices.category), asc(paidServices.name)),
    db.select().from(savingsAssumptions),
  ]);
  const order = (key: SavingsAssumptionKey) => savingsAssumptionKeys.indexOf(key);
  return { services, assumptions: assumptions.sort((a, b) => order(a.key) - order(b.key)) };
}
