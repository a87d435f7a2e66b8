import { migrateDatabase } from "../../db/migrate";

/**
 * Migrations, the catalogue and (in demo mode, on an empty database) the demo data, all under
 * one PostgreSQL advisory lock: any number of processes may start at once. Uses DATABASE_URL's
 * pool (db/client) for the seeding, so DATABASE_URL must be `url`.
 */
export async function prepareDatabase(url: string, options: { demo: boolean }): Promise<{ programs: number; demoLoaded: boolean }> {
  const { db } = await import("../../db/client");
  const { seedCatalog, seedDemo } = await import("../../db/seed/seed");
  let result = { programs: 0, demoLoaded: false };
  await migrateDatabase(url, async () => {
    result = { programs: await seedCatalog(db), demoLoaded: false };
    if (options.demo && (await seedDemo(db))) {
      const { seedDemoContract } = await import("./demo-contract");
      await seedDemoContract();
      result.demoLoaded = true;
    }
  });
  return result;
}
