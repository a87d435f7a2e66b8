/**
 * Issue 13, VAT in the ledger and the monthly VAT summary, on a real database: generated
 * milestones settled by approval or by a split refund (fast-check), then every stored document is
 * exact (BR-CO-17 without tolerance), the ledger's VAT accounts equal the documents, and the
 * admin's monthly summary and its CSV say the same.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { invoices } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { checkInvoiceDocument } from "@/lib/invoicing/facturx/consistency";
import { vatOn, withVat } from "@/lib/money/commission";
import { csvAmount } from "@/lib/export/csv";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { openDispute, settleDispute } from "@/lib/payments/disputes";
import { ledgerBalances } from "@/lib/payments/ledger";
import { getVatSummary, vatSummaryCsv } from "@/lib/payments/vat-summary";
import { GET as vatCsvRoute } from "@/app/admin/payments/vat/route";
import { enablePayouts, fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { cents, readCsv } from "../../helpers/csv";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { runQueuedJobs } from "../../helpers/worker";
import { endResponseWindow } from "../../helpers/disputes";

vi.mock("@/lib/auth/current-actor", () => ({ currentActor: vi.fn() }));
afterEach(() => vi.mocked(currentActor).mockReset());

const euros = (cents: number) => csvAmount(cents);

describe("VAT in the ledger and the monthly summary", () => {
  it("generated settlements: every document exact, the ledger's VAT accounts equal the documents, the summary and its CSV agree", async () => {
    const admin = await makeUser("admin");
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 50, max: 500_000 }), fc.option(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { nil: null }), async (amountCents, refundShare) => {
        const amount = euros(amountCents);
        const contract = await makeActiveContract({ bid: { total: amount, milestones: [{ title: "Étape", amount, dueOn: "2027-03-01" }] } });
        const [milestoneId] = contract.milestoneIds as [string];
        await enablePayouts(contract.expert);
        await fundMilestone(contract.owner, milestoneId);
        expect((await markDelivered(contract.expert, { milestoneId, note: "Étape livrée et vérifiée ensemble." })).ok).toBe(true);
        if (refundShare === null) {
          expect((await approveMilestone(contract.owner, { milestoneId })).ok).toBe(true);
          return;
        }
        const opened = await openDispute(contract.owner, { milestoneId, reason: "quality", text: "Une partie seulement a été livrée comme prévu." });
        if (!opened.ok) throw new Error(JSON.stringify(opened));
        const charge = withVat(amountCents, 2000).inclVatCents;
        let refund = Math.max(1, Math.min(charge - 1, Math.round(charge * refundShare)));
        await endResponseWindow(opened.value.disputeId);
        const first = await settleDispute(admin, { disputeId: opened.value.disputeId, outcome: "split", refund: euros(refund), note: "Partage décidé après échange." });
        if (!first.ok) {
          // Only a total no exact credit note has is refused; a cent more always is one.
          expect(first).toMatchObject({ fields: { refund: "splitAmountVat" } });
          refund += 1;
          if (refund >= charge) refund -= 2;
          expect(await settleDispute(admin, { disputeId: opened.value.disputeId, outcome: "split", refund: euros(refund), note: "Partage décidé après échange." })).toEqual({ ok: true, value: undefined });
        }
      }),
      { numRuns: 12, seed: 13, endOnFailure: true },
    );
    await runQueuedJobs(["send_transfer", "send_refund"]);

    const documents = await db.select().from(invoices);
    expect(documents.length).toBeGreaterThan(12);
    for (const invoice of documents) {
      expect(() => checkInvoiceDocument(invoice.document)).not.toThrow();
      for (const vat of invoice.document.vatBreakdown) expect(vat.vatCents).toBe(vatOn(vat.basisCents, vat.rateBps));
      expect(invoice.vatCents).toBe(invoice.document.totals.vatCents);
      expect(invoice.inclVatCents).toBe(invoice.exVatCents + invoice.vatCents);
    }
    expect(documents.some((d) => d.kind === "credit_note")).toBe(true);

    const signed = (role: "service" | "commission", key: "exVatCents" | "vatCents") =>
      documents.filter((d) => d.role === role).reduce((sum, d) => sum + (d.kind === "credit_note" ? -d[key] : d[key]), 0);
    const balances = await ledgerBalances(db);
    // Everything is transferred or refunded: escrow and what is owed to experts are empty.
    expect(balances).toMatchObject({ client_funds_held: 0, expert_payable: 0, expert_vat_collected: 0 });
    expect(-balances.commission_revenue).toBe(signed("commission", "exVatCents"));
    expect(-balances.commission_vat_collected).toBe(signed("commission", "vatCents"));
    expect(balances.platform_cash).toBe(signed("commission", "exVatCents") + signed("commission", "vatCents"));

    const summary = await getVatSummary(admin, {});
    expect(summary.ledgerAgrees).toBe(true);
    expect(summary.platform).toEqual([{ rateBps: 2000, ca3Line: "08", baseCents: signed("commission", "exVatCents"), vatCents: signed("commission", "vatCents") }]);
    expect(summary.platformVatCents).toBe(-balances.commission_vat_collected);
    expect(summary.experts).toEqual([{ rateBps: 2000, baseCents: signed("service", "exVatCents"), vatCents: signed("service", "vatCents") }]);
    expect(summary.ledger.expertVatCents).toBe(signed("service", "vatCents"));

    const rows = readCsv((await vatSummaryCsv(admin, {})).csv);
    const ca3 = (line: string) => rows.find((r) => r.Declaration === "CA3 Compagnon" && r.LigneCA3 === line);
    expect(cents(ca3("A1")?.BaseHT)).toBe(summary.platformBaseCents);
    expect(ca3("08")).toMatchObject({ TauxTVA: "20,00", BaseHT: euros(summary.platformBaseCents), TVA: euros(summary.platformVatCents) });
    expect(cents(ca3("16")?.TVA)).toBe(summary.platformVatCents);
    const onBehalf = rows.filter((r) => r.Declaration?.startsWith("Pour le compte des experts"));
    expect(onBehalf.map((r) => cents(r.TVA))).toEqual([signed("service", "vatCents")]);
  }, 240_000);

  it("another month is empty; only an admin past the second factor sees the summary or downloads it", async () => {
    const admin = await makeUser("admin");
    const empty = await getVatSummary(admin, { month: "2020-01" });
    expect(empty).toMatchObject({ month: "2020-01", platform: [], experts: [], platformBaseCents: 0, platformVatCents: 0, ledgerAgrees: true });
    const client = await makeUser("client");
    await makeOrganization(client);
    const denied: (Actor | null)[] = [null, client, await makeUser("expert"), { ...admin, secondFactor: null }];
    for (const actor of denied) {
      await expect(getVatSummary(actor, {})).rejects.toBeInstanceOf(PolicyError);
      vi.mocked(currentActor).mockResolvedValue(actor);
      expect((await vatCsvRoute(new Request("http://localhost:3000/admin/payments/vat?month=2020-01"))).status).toBe(actor ? 404 : 401);
    }
    vi.mocked(currentActor).mockResolvedValue(admin);
    const response = await vatCsvRoute(new Request("http://localhost:3000/admin/payments/vat?month=2020-01"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="tva_2020-01.csv"');
    expect(readCsv(await response.text()).map((r) => r.LigneCA3)).toEqual(["A1", "16"]);
  });
});
