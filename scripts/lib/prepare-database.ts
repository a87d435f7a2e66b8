import { migrateDatabase } from "../../db/migrate";
import type { ProvidedDatabase } from "./database";

/**
 * Migrations (as the owner, then the runtime role's rights), the catalogue and (in demo mode, on
 * an empty database) the demo data, all under one PostgreSQL advisory lock: any number of
 * processes may start at once. The seeding goes through DATABASE_URL's pool (db/client), so
 * DATABASE_URL must be `database.url`: it runs as the runtime role, as the app does.
 */
export async function prepareDatabase(database: Pick<ProvidedDatabase, "ownerUrl" | "runtimeRole">, options: { demo: boolean }): Promise<{ programs: number; demoLoaded: boolean }> {
  const { db } = await import("../../db/client");
  const { seedCatalog, seedDemo } = await import("../../db/seed/seed");
  let result = { programs: 0, demoLoaded: false };
  await migrateDatabase(database.ownerUrl, async () => {
    result = { programs: await seedCatalog(db), demoLoaded: false };
    if (options.demo && (await seedDemo(db))) {
      const { seedDemoContract } = await import("./demo-contract");
      await seedDemoContract();
      result.demoLoaded = true;
    }
  }, { runtimeRole: database.runtimeRole });
  return result;
}
