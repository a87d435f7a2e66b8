import type { Database } from "../client";
import { paidServices, savingsAssumptions } from "../schema";
import { paidServiceEntries, savingsAssumptionEntries } from "./savings-data";

/** The savings estimate's starting prices, only where a row is missing: admins' edits stay. */
export async function seedSavingsPrices(db: Database): Promise<void> {
  await db.insert(paidServices).values([...paidServiceEntries]).onConflictDoNothing({ target: paidServices.slug });
  await db.insert(savingsAssumptions).values([...savingsAssumptionEntries]).onConflictDoNothing({ target: savingsAssumptions.key });
}
