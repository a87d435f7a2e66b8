import "./lib/node-version"; // first: refuses an unsupported Node.js before anything else runs
import "./lib/load-env";
import { migrateDatabase } from "../db/migrate";
import { provideDatabase } from "./lib/database";

const database = await provideDatabase();
try {
  await migrateDatabase(database.ownerUrl, undefined, { runtimeRole: database.runtimeRole });
  console.log("[compagnon] migrations applied");
} finally {
  await database.stop();
}
