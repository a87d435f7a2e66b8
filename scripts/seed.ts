import "./lib/node-version"; // first: refuses an unsupported Node.js before anything else runs
import "./lib/load-env";
import { provideDatabase } from "./lib/database";

const database = await provideDatabase();
process.env.DATABASE_URL = database.url;
const { closeDb } = await import("../db/client");
const { prepareDatabase } = await import("./lib/prepare-database");
try {
  const { programs, demoLoaded } = await prepareDatabase(database, { demo: true });
  console.log(`[compagnon] catalogue: ${programs} programs`);
  console.log(demoLoaded ? "[compagnon] demo data loaded" : "[compagnon] users exist: demo data skipped");
} finally {
  await closeDb();
  await database.stop();
}
