/** The savings estimate's prices, kept by admins. */
import { db } from "@/db/client";
import { seedSavingsPrices } from "@/db/seed/savings";
import { access, type ActionAccess } from "./types";

async function prices(): Promise<undefined> {
  await seedSavingsPrices(db);
  return undefined;
}

export const SAVINGS_ACTIONS: Record<string, ActionAccess> = {
  "app/admin/savings/actions.ts#updatePaidServicePriceAction": access({
    ok: ["admin"],
    prepare: prices,
    form: () => ({ slug: "slack", price: "6,75", source: "slack.com/intl/fr-fr/pricing", pricedOn: "2026-11-02" }),
  }),
  "app/admin/savings/actions.ts#updateSavingsAssumptionAction": access({
    ok: ["admin"],
    prepare: prices,
    form: () => ({ key: "hosting_small_monthly", price: "20", source: "French hosters' public prices", pricedOn: "2026-11-02" }),
  }),
};
