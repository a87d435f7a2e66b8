import "./lib/node-version"; // first: refuses an unsupported Node.js before anything else runs
import "./lib/load-env";
import path from "node:path";
import { createBackup } from "./lib/backups/backup";
import { runCommand } from "./lib/backups/cli";
import { DATA_DIR, provideDatabase } from "./lib/database";

// npm run backup: DATABASE_URL (or the embedded database) and the uploads, into BACKUP_DIR.
await runCommand("backup", async () => {
  const database = await provideDatabase();
  try {
    await createBackup({
      databaseUrl: database.ownerUrl,
      dataDir: DATA_DIR,
      backupDir: path.resolve(process.env.BACKUP_DIR || path.join(DATA_DIR, "backups")),
      s3Bucket: process.env.S3_BUCKET || undefined,
    });
  } finally {
    await database.stop();
  }
});
