import type { Database } from "../client";
import { paidServices, savingsAssumptions, turnoverCeilings } from "../schema";
import { paidServiceEntries, savingsAssumptionEntries, turnoverCeilingEntries } from "./savings-data";

/** The savings estimate's starting prices and the turnover ceilings, only where a row is missing: admins' edits stay. */
export async function seedSavingsPrices(db: Database): Promise<void> {
  await db.insert(paidServices).values([...paidServiceEntries]).onConflictDoNothing({ target: paidServices.slug });
  await db.insert(savingsAssumptions).values([...savingsAssumptionEntries]).onConflictDoNothing({ target: savingsAssumptions.key });
  await db.insert(turnoverCeilings).values([...turnoverCeilingEntries]).onConflictDoNothing({ target: turnoverCeilings.fromYear });
}
