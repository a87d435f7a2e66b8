import "./lib/node-version"; // first: refuses an unsupported Node.js before anything else runs
import { provideDatabase } from "./lib/database";

const email = process.argv[2];
if (!email) {
  console.error("usage: npm run admin:create -- EMAIL");
  process.exit(2);
}
const database = await provideDatabase();
process.env.DATABASE_URL = database.url;
const { migrateDatabase } = await import("../db/migrate");
const { closeDb } = await import("../db/client");
const { createAdmin } = await import("../lib/accounts/create-admin");
try {
  await migrateDatabase(database.url);
  const admin = await createAdmin(email);
  console.log(`[compagnon] ${admin.email} is an admin; they sign in with their email link.`);
} finally {
  await closeDb();
  await database.stop();
}
