import { sqlClient } from "@/db/client";

/** True when the database answers a trivial query within `timeoutMs`. */
export async function databaseIsUp(timeoutMs = 2000): Promise<boolean> {
  try {
    const query = sqlClient()`select 1 as up`;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs));
    const rows = await Promise.race([query, timeout]);
    return rows[0]?.up === 1;
  } catch {
    return false;
  }
}
