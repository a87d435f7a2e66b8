import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contracts, einvoiceReports, expertProfiles, organizations } from "@/db/schema";
import { queueClosedPeriodReports } from "@/lib/einvoicing/period-reports";
import { transactionPeriod } from "@/lib/einvoicing/periods";
import { listEinvoiceReports } from "@/lib/einvoicing/queries";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { invoices } from "@/db/schema";
import { runQueuedJobs } from "../../helpers/worker";
import { configurePa, releasedMilestone, transmissionOf, startFakePaForFile } from "./helpers";

const holder = startFakePaForFile();

type Contract = Parameters<NonNullable<Parameters<typeof releasedMilestone>[0]>>[0];

/** A released milestone billed to a client abroad (with a VAT number: international B2B; without: a non-taxable buyer, B2C). */
async function soldAbroad(country: string, vatNumber: string | null, expert?: (contract: Contract) => Promise<void>) {
  return releasedMilestone(async (contract) => {
    const [row] = await db.select({ organizationId: contracts.organizationId }).from(contracts).where(eq(contracts.id, contract.contractId));
    await db.update(organizations).set({ country, vatNumber }).where(eq(organizations.id, row!.organizationId));
    await expert?.(contract);
  });
}

const dayPlus = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

const periodReportsOf = (sellerSiren: string) =>
  db
    .select()
    .from(einvoiceReports)
    .where(and(isNull(einvoiceReports.invoiceId), eq(einvoiceReports.sellerSiren, sellerSiren)));

describe("the period reports of B2C and international sales (flux 10, aggregated)", () => {
  it("one report per seller and closed decade: B2C sums per day and rate, international documents listed; made once, sent once, shown to the admin", async () => {
    const fake = holder.pa;
    configurePa(fake);
    const b2c = (await soldAbroad("BE", null)).service;
    const b2b = (await soldAbroad("DE", "DE123456789")).service;
    const seller = b2c.document.seller.siren!;
    expect(b2b.document.seller.siren).toBe(seller);
    await runQueuedJobs(["einvoice_submit"]);
    expect(await transmissionOf(b2c.id)).toMatchObject({ state: "not_transmitted", skipReason: "e_reported" });
    expect(await transmissionOf(b2b.id)).toMatchObject({ state: "not_transmitted", skipReason: "e_reported" });

    const today = b2c.issueDate;
    // The decade is still open: nothing yet.
    expect(await queueClosedPeriodReports(today)).toBe(0);
    const later = dayPlus(today, 12);
    expect(await queueClosedPeriodReports(later)).toBe(1);
    expect(await queueClosedPeriodReports(later)).toBe(0);
    const [report] = await periodReportsOf(seller);
    const period = transactionPeriod(today, "normal_monthly");
    const rate = b2c.document.vatBreakdown[0]!.rateBps;
    expect(report).toMatchObject({ kind: "transaction", channel: "ereporting", state: "queued", periodStart: period.start, periodEnd: period.end, occurredOn: period.end });
    expect(report!.periodData).toEqual({
      sellerName: b2c.document.seller.name,
      days: [{ day: today, rateBps: rate, basisCents: b2c.exVatCents, vatCents: b2c.vatCents, documents: 1 }],
      invoiceIds: [b2b.id],
    });
    expect(report!.amountCents).toBe(b2c.inclVatCents + b2b.inclVatCents);

    await runQueuedJobs(["einvoice_report"]);
    const flows = fake.flows.filter((f) => f.trackingId === report!.id);
    expect(flows).toHaveLength(1);
    expect(flows[0]).toMatchObject({ flowType: "EReporting", processingRule: "B2C" });
    const file = flows[0]!.file.toString();
    expect(file).toContain(`<StartDate>${period.start.replace(/-/g, "")}</StartDate>`);
    expect(file).toContain(`<Date>${today.replace(/-/g, "")}</Date>`);
    expect(file).toContain(`<TaxExclusiveAmount>${(b2c.exVatCents / 100).toFixed(2)}</TaxExclusiveAmount>`);
    expect(file).toContain(`<ID>${b2b.number}</ID>`);
    expect(file).not.toContain(b2c.number);
    expect((await periodReportsOf(seller))[0]).toMatchObject({ state: "submitted", attempts: 1 });

    const admin = await makeUser("admin");
    const listed = await listEinvoiceReports(admin);
    expect(listed.find((r) => r.id === report!.id)).toMatchObject({ invoiceId: null, number: null, sellerSiren: seller, periodStart: period.start, periodEnd: period.end, state: "submitted" });
    await expect(listEinvoiceReports(await makeUser("expert"))).rejects.toThrow();
  });

  it("a seller on the simplified regime reports per month; an expert with their own PA is not reported by Compagnon", async () => {
    configurePa(holder.pa);
    const simplified = (
      await soldAbroad("BE", null, async (contract) => {
        await db.update(expertProfiles).set({ siret: "44306184100047", vatFiling: "simplified" }).where(eq(expertProfiles.userId, contract.expert.id));
      })
    ).service;
    const ownPa = (
      await soldAbroad("BE", null, async (contract) => {
        await db.update(expertProfiles).set({ siret: "55210055400013", einvoicingChannel: "own_pa", ownPaName: "Plateforme Exemple", ownPaAddress: "552100554_FACTURES" }).where(eq(expertProfiles.userId, contract.expert.id));
      })
    ).service;
    expect(ownPa.document.sellerPa).toEqual({ name: "Plateforme Exemple" });
    const month = transactionPeriod(simplified.issueDate, "simplified");
    expect(await queueClosedPeriodReports(dayPlus(month.end, 1))).toBe(0);
    await queueClosedPeriodReports(dayPlus(month.end, 2));
    expect(await periodReportsOf("443061841")).toMatchObject([{ periodStart: month.start, periodEnd: month.end }]);
    expect(await periodReportsOf("552100554")).toEqual([]);
  });

  it("without a PA: recorded, then not transmitted (no PA), nothing called", async () => {
    const calls = holder.pa.calls.length;
    const sale = (
      await soldAbroad("BE", null, async (contract) => {
        await db.update(expertProfiles).set({ siret: "73282932000074" }).where(eq(expertProfiles.userId, contract.expert.id));
      })
    ).service;
    await queueClosedPeriodReports(dayPlus(sale.issueDate, 12));
    await runQueuedJobs(["einvoice_report"]);
    expect(await periodReportsOf("732829320")).toMatchObject([{ state: "not_transmitted", skipReason: "no_pa" }]);
    expect(holder.pa.calls.length).toBe(calls);
  });

  it("a reverse-charge sale to a business in another member state and a sale outside the EU are international documents, in the VAT-registered seller's own periods, with no payment data", async () => {
    configurePa(holder.pa);
    const sold = [];
    for (const [country, vatNumber] of [["DE", "DE123456789"], ["CH", null]] as const) {
      // The client is established abroad when the contract is formed: that decides the VAT.
      const owner = await makeUser("client");
      const organization = await makeOrganization(owner);
      await db.update(organizations).set({ country, vatNumber }).where(eq(organizations.id, organization.id));
      const contract = await makeActiveContract({ owner, bid: { total: "600", milestones: [{ title: "Installation", amount: "600", dueOn: "2027-03-01" }] } });
      await db.update(expertProfiles).set({ siret: "38100000910004" }).where(eq(expertProfiles.userId, contract.expert.id));
      const milestoneId = contract.milestoneIds[0]!;
      await fundMilestone(owner, milestoneId);
      expect((await markDelivered(contract.expert, { milestoneId, note: "Serveur installé et documenté." })).ok).toBe(true);
      expect((await approveMilestone(owner, { milestoneId })).ok).toBe(true);
      const [service] = await db.select().from(invoices).where(and(eq(invoices.milestoneId, milestoneId), eq(invoices.role, "service")));
      sold.push(service!);
    }
    const [reverseCharge, outsideScope] = sold as [(typeof sold)[0], (typeof sold)[0]];
    expect(reverseCharge.document.vatTreatment).toBe("reverse_charge");
    expect(outsideScope.document.vatTreatment).toBe("outside_scope");
    // No VAT collected by the seller: no payment data (status 212 or e-reporting of payments).
    const payments = await db.select().from(einvoiceReports).where(eq(einvoiceReports.kind, "payment"));
    expect(payments.filter((r) => r.invoiceId === reverseCharge.id || r.invoiceId === outsideScope.id)).toEqual([]);

    await queueClosedPeriodReports(dayPlus(reverseCharge.issueDate, 12));
    // The seller is VAT-registered (monthly filer by default): its decade, not the franchise's two months.
    const period = transactionPeriod(reverseCharge.issueDate, "normal_monthly");
    const [report] = await periodReportsOf("381000009");
    expect(report).toMatchObject({ periodStart: period.start, periodEnd: period.end, vatCents: 0, amountCents: reverseCharge.inclVatCents + outsideScope.inclVatCents });
    expect(report!.periodData).toMatchObject({ days: [] });
    expect([...report!.periodData!.invoiceIds].sort()).toEqual([reverseCharge.id, outsideScope.id].sort());
  });
});
