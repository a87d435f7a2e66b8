/** E-invoicing: a member's directory lookup of its organisation's address; the admin's retry of a failed transmission. */
import { eq } from "drizzle-orm";
import { afterAll } from "vitest";
import { db } from "@/db/client";
import { einvoiceTransmissions, invoices, organizations } from "@/db/schema";
import { resetEnvCache } from "@/lib/env";
import { FAKE_PA_CLIENT, startFakePa, type FakePa } from "../../../helpers/fake-pa";
import { completedContract } from "../action-fixtures";
import type { World } from "../action-world";
import { access, type ActionAccess } from "./types";

let fake: FakePa | null = null;

// The matrix file's end: the PA configuration goes with the fake PA (the worker process may run other files next).
afterAll(async () => {
  for (const key of ["PA_API_URL", "PA_CLIENT_ID", "PA_CLIENT_SECRET"]) delete process.env[key];
  resetEnvCache();
  await fake?.close();
  fake = null;
});

/** A fake PA whose directory knows the world's organisation, and the app configured to use it. */
async function paWithDirectory(world: World): Promise<null> {
  fake ??= await startFakePa();
  const [organization] = await db.select({ siren: organizations.siren }).from(organizations).where(eq(organizations.id, world.organizationId));
  fake.directory.set(organization!.siren, `${organization!.siren}_FACTURES`);
  process.env.PA_API_URL = fake.url;
  process.env.PA_CLIENT_ID = FAKE_PA_CLIENT.id;
  process.env.PA_CLIENT_SECRET = FAKE_PA_CLIENT.secret;
  resetEnvCache();
  return null;
}

/** The world's completed contract's first service invoice, its transmission failed for good. */
async function failedTransmission(world: World): Promise<{ invoiceId: string }> {
  await completedContract(world);
  const [invoice] = await db.select({ id: invoices.id }).from(invoices).where(eq(invoices.contractId, world.contract.contractId)).limit(1);
  await db.insert(einvoiceTransmissions).values({ invoiceId: invoice!.id, trackingId: invoice!.id, state: "failed", attempts: 12, lastError: "PA answered 503" });
  return { invoiceId: invoice!.id };
}

export const EINVOICING_ACTIONS: Record<string, ActionAccess> = {
  "app/dashboard/einvoicing-actions.ts#refreshEinvoiceAddressAction": access({
    ok: ["clientOwner", "clientMember"],
    note: "with a fake PA configured (until the end of the file: nothing else calls it)",
    prepare: paWithDirectory,
    form: ({ world }) => ({ organizationId: world.organizationId }),
  }),
  "app/admin/einvoicing/actions.ts#retryEinvoiceAction": access({
    ok: ["admin"],
    prepare: failedTransmission,
    form: ({ prepared }) => ({ invoiceId: prepared.invoiceId }),
  }),
};
