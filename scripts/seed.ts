import "./lib/node-version"; // first: refuses an unsupported Node.js before anything else runs
import { provideDatabase } from "./lib/database";

const database = await provideDatabase();
process.env.DATABASE_URL = database.url;
const { migrateDatabase } = await import("../db/migrate");
const { db, closeDb } = await import("../db/client");
const { seedCatalog, seedDemo } = await import("../db/seed/seed");
try {
  await migrateDatabase(database.url);
  console.log(`[compagnon] catalogue: ${await seedCatalog(db)} programs`);
  console.log((await seedDemo(db)) ? "[compagnon] demo data loaded" : "[compagnon] users exist: demo data skipped");
} finally {
  await closeDb();
  await database.stop();
}
