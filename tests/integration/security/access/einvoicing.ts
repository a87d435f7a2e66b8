/** E-invoicing: a member's directory lookup of its organisation's address; the admin's retry of a failed transmission or e-report; an expert's choice of PA. */
import { eq } from "drizzle-orm";
import { afterAll } from "vitest";
import { db } from "@/db/client";
import { einvoiceReports, einvoiceTransmissions, invoices, organizations } from "@/db/schema";
import { resetEnvCache } from "@/lib/env";
import { FAKE_PA_CLIENT, startFakePa, type FakePa } from "../../../helpers/fake-pa";
import { completedContract } from "../action-fixtures";
import type { World } from "../action-world";
import { experts } from "./people";
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

/** The world's completed contract's first invoice, its payment e-report failed for good (never acknowledged). */
async function failedReport(world: World): Promise<{ reportId: string }> {
  await completedContract(world);
  const [invoice] = await db.select({ id: invoices.id }).from(invoices).where(eq(invoices.contractId, world.contract.contractId)).limit(1);
  const failed = { state: "failed" as const, ackStatus: null, attempts: 15, lastError: "PA answered 503" };
  const [report] = await db
    .insert(einvoiceReports)
    .values({ invoiceId: invoice!.id, kind: "payment", channel: "lifecycle", occurredOn: "2026-12-01", amountCents: 12_000, vatCents: 2_000, vatRateBps: 2000, ...failed })
    .onConflictDoUpdate({ target: [einvoiceReports.invoiceId, einvoiceReports.kind], set: failed })
    .returning({ id: einvoiceReports.id });
  return { reportId: report!.id };
}

export const EINVOICING_ACTIONS: Record<string, ActionAccess> = {
  "app/dashboard/einvoicing-actions.ts#refreshEinvoiceAddressAction": access({
    ok: ["clientOwner", "clientMember"],
    note: "with a fake PA configured (until the end of the file: nothing else calls it)",
    prepare: paWithDirectory,
    form: ({ world }) => ({ organizationId: world.organizationId }),
  }),
  "app/expert/tax-details/actions.ts#saveEinvoicingSettingsAction": access({
    ok: experts,
    together: true,
    note: "each expert chooses for their own invoices",
    form: () => ({ channel: "compagnon", ownPaName: "", ownPaAddress: "", vatFiling: "simplified" }),
  }),
  "app/admin/einvoicing/actions.ts#retryEinvoiceAction": access({
    ok: ["admin"],
    prepare: failedTransmission,
    form: ({ prepared }) => ({ invoiceId: prepared.invoiceId }),
  }),
  "app/admin/einvoicing/actions.ts#retryEinvoiceReportAction": access({
    ok: ["admin"],
    prepare: failedReport,
    form: ({ prepared }) => ({ reportId: prepared.reportId }),
  }),
};
