import "./lib/node-version"; // first: refuses an unsupported Node.js before anything else runs
import "./lib/load-env";
import { runCommand } from "./lib/backups/cli";
import { restoreBackup } from "./lib/backups/restore";
import { DATA_DIR, provideDatabase } from "./lib/database";

// npm run restore -- BACKUP_FOLDER [--force]: into DATABASE_URL (or the embedded database).
const args = process.argv.slice(2);
const force = args.includes("--force");
const from = args.find((arg) => !arg.startsWith("--"));
if (!from || args.some((arg) => arg.startsWith("--") && arg !== "--force")) {
  console.error("usage: npm run restore -- BACKUP_FOLDER [--force]");
  process.exit(2);
}
await runCommand("restore", async () => {
  const database = await provideDatabase();
  try {
    await restoreBackup({ from, databaseUrl: database.ownerUrl, dataDir: DATA_DIR, force });
  } finally {
    await database.stop();
  }
});
