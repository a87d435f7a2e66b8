import { BackupRefusal } from "./pg-tools";

/** Runs a backup or restore command: a refusal is one line on stderr, any failure exits 1. */
export async function runCommand(name: string, command: () => Promise<void>): Promise<void> {
  try {
    await command();
  } catch (error) {
    console.error(error instanceof BackupRefusal ? `[${name}] ${error.message}` : `[${name}] failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
