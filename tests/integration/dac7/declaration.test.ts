import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { emailOutbox, expertProfiles, invoices, ledgerEntries, transfers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { activityByExpert } from "@/lib/dac7/activity";
import { exportDeclaration, myDeclarationReminder, mySellerCopy, reviewDeclaration } from "@/lib/dac7/declaration";
import { sendDac7Notices } from "@/lib/dac7/notices";
import { reportableSellers } from "@/lib/dac7/sellers";
import { saveMyTaxDetails } from "@/lib/dac7/tax-details";
import { wholeEuros } from "@/lib/money/format";
import { yearlyStatement } from "@/lib/invoicing/statement";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { releaseLines } from "@/lib/payments/ledger";
import { GET as declarationXml } from "@/app/admin/dac7/[year]/xml/route";
import { GET as statementPdf } from "@/app/invoices/statement/[year]/route";
import { fundMilestone, makeActiveContract, type ActiveContract } from "../../helpers/contracts";
import { validateDac7Xsd } from "../../helpers/dac7-xsd";
import { makeUser } from "../../helpers/factories";

vi.mock("@/lib/auth/current-actor", () => ({ currentActor: vi.fn() }));
const signIn = (actor: Actor | null) => vi.mocked(currentActor).mockResolvedValue(actor);
afterEach(() => vi.mocked(currentActor).mockReset());

const base = "http://localhost:3000";
const statementOf = (y: string) => statementPdf(new Request(`${base}/invoices/statement/${y}`), { params: Promise.resolve({ year: y }) });
const xmlOf = (y: string) => declarationXml(new Request(`${base}/admin/dac7/${y}/xml`), { params: Promise.resolve({ year: y }) });

/**
 * A milestone released at a chosen instant, written as the release use case writes it (the
 * transfer row and its balanced ledger movement), since the database's clock cannot be moved.
 */
async function releasedAt(contract: ActiveContract, index: number, at: string, grossCents: number, commissionCents: number): Promise<void> {
  const milestoneId = contract.milestoneIds[index]!;
  const when = new Date(at);
  const grossExVatCents = Math.round(grossCents / 1.2);
  await db.transaction(async (tx) => {
    const [transfer] = await tx
      .insert(transfers)
      .values({
        milestoneId,
        contractId: contract.contractId,
        expertUserId: contract.expert.id,
        grossCents,
        grossExVatCents,
        commissionCents,
        amountCents: grossCents - commissionCents,
        createdAt: when,
      })
      .returning({ id: transfers.id });
    const entryId = randomUUID();
    await tx.insert(ledgerEntries).values(
      releaseLines({ grossCents, grossExVatCents, commissionCents }).map(([account, amountCents]) => ({
        entryId,
        kind: "release" as const,
        account,
        amountCents,
        contractId: contract.contractId,
        milestoneId,
        sourceId: transfer!.id,
        createdAt: when,
      })),
    );
  });
}

/** Fund, deliver and approve every milestone through the real use cases (released now). */
async function paidContract(amounts: string[]): Promise<ActiveContract> {
  const total = amounts.reduce((sum, a) => sum + Number(a), 0).toFixed(2);
  const contract = await makeActiveContract({ bid: { total, milestones: amounts.map((amount, i) => ({ title: `Étape ${i + 1}`, amount, dueOn: `2027-03-0${i + 1}` })) } });
  for (const milestoneId of contract.milestoneIds) {
    await fundMilestone(contract.owner, milestoneId);
    const delivered = await markDelivered(contract.expert, { milestoneId, note: "Étape livrée et vérifiée ensemble." });
    if (!delivered.ok) throw new Error(JSON.stringify(delivered));
    const approved = await approveMilestone(contract.owner, { milestoneId });
    if (!approved.ok) throw new Error(JSON.stringify(approved));
  }
  return contract;
}

const thisYear = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric" }).format(new Date()));
const afterThisYear = new Date(`${thisYear + 1}-01-15T10:00:00Z`);

let fabricated: ActiveContract;
let paid: ActiveContract;
let admin: Actor;
let client: Actor;
let stranger: Actor;

beforeAll(async () => {
  fabricated = await makeActiveContract({
    bid: { total: "300", milestones: ["100", "100", "100"].map((amount, i) => ({ title: `Jalon ${i + 1}`, amount, dueOn: `2027-02-0${i + 1}` })) },
  });
  // 31 December 2025 at 23:30 UTC is 1 January 2026 at 00:30 in Paris: first quarter of 2026.
  await releasedAt(fabricated, 0, "2025-12-31T23:30:00Z", 12_000, 1_200);
  // 31 March 2026 at 22:30 UTC is 1 April 2026 at 00:30 in Paris (summer time): second quarter.
  await releasedAt(fabricated, 1, "2026-03-31T22:30:00Z", 24_000, 2_400);
  // 31 December 2025 at 22:30 UTC is still 31 December in Paris: 2025.
  await releasedAt(fabricated, 2, "2025-12-31T22:30:00Z", 6_000, 600);
  paid = await paidContract(["333.33", "100"]);
  admin = await makeUser("admin");
  client = paid.owner;
  stranger = (await makeActiveContract()).expert;
});

describe("activity per Paris quarter and the yearly statement (art. 242 bis)", () => {
  it("dates each payout in the Paris calendar: 2025-12-31T23:30Z belongs to 2026, first quarter", async () => {
    const y2026 = (await activityByExpert(db, 2026, fabricated.expert.id)).get(fabricated.expert.id)!;
    expect(y2026.map((q) => q.activities)).toEqual([1, 1, 0, 0]);
    expect(y2026[0]).toEqual({ activities: 1, grossCents: 12_000, grossExVatCents: 10_000, considerationCents: 10_800, feesCents: 1_200, taxesCents: 0 });
    const y2025 = (await activityByExpert(db, 2025, fabricated.expert.id)).get(fabricated.expert.id)!;
    expect(y2025.map((q) => q.activities)).toEqual([0, 0, 0, 1]);
    expect(y2025[3].grossCents).toBe(6_000);
  });

  it("states the year's gross, the commissions withheld, the net and the quarterly split", async () => {
    const statement = await yearlyStatement(fabricated.expert, 2026, new Date("2027-01-02T10:00:00Z"));
    expect(statement).toMatchObject({ year: 2026, transactions: 2, grossCents: 36_000, exVatCents: 30_000, commissionCents: 3_600, netCents: 32_400 });
    expect(statement!.quarters.map((q) => q.grossCents)).toEqual([12_000, 24_000, 0, 0]);
    // Before the Paris year is over there is no statement: 31 Dec 2026 at 22:59 UTC is still 2026 in Paris.
    expect(await yearlyStatement(fabricated.expert, 2026, new Date("2026-12-31T22:59:00Z"))).toBeNull();
    expect(await yearlyStatement(fabricated.expert, 2026, new Date("2026-12-31T23:00:00Z"))).not.toBeNull();
  });

  it("answers 404 for a year with no activity (it used to answer an empty 200), and for another expert", async () => {
    expect(await yearlyStatement(fabricated.expert, 2024, new Date("2027-01-02T10:00:00Z"))).toBeNull();
    expect(await yearlyStatement(stranger, 2025, new Date("2027-01-02T10:00:00Z"))).toBeNull();
    signIn(fabricated.expert);
    expect((await statementOf("2025")).status).toBe(200);
    expect((await statementOf("2024")).status).toBe(404);
    signIn(stranger);
    expect((await statementOf("2025")).status).toBe(404);
  });

  it("refuses clients, admins and anonymous visitors", async () => {
    await expect(yearlyStatement(client, 2025)).rejects.toBeInstanceOf(PolicyError);
    await expect(yearlyStatement(null, 2025)).rejects.toBeInstanceOf(PolicyError);
    for (const actor of [client, admin]) {
      signIn(actor);
      expect((await statementOf("2025")).status).toBe(404);
    }
    signIn(null);
    expect((await statementOf("2025")).status).toBe(401);
  });
});

describe("the DAC7 declaration", () => {
  it("reports per seller the ledger's totals: gross, consideration credited, commission and its VAT, milestones paid", async () => {
    const [seller] = await reportableSellers(db, thisYear, paid.expert.id);
    const lines = await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.contractId, paid.contractId), eq(ledgerEntries.kind, "release")));
    const sum = (account: string) => lines.filter((l) => l.account === account).reduce((s, l) => s + l.amountCents, 0);
    const commissionVat = (
      await db
        .select()
        .from(invoices)
        .where(and(eq(invoices.contractId, paid.contractId), eq(invoices.role, "commission")))
    ).reduce((s, i) => s + i.vatCents, 0);
    expect(seller!.totals.activities).toBe(2);
    expect(seller!.totals.grossCents).toBe(sum("client_funds_held"));
    // What the expert was credited: their share, with the VAT collected on their behalf.
    expect(seller!.totals.considerationCents).toBe(-(sum("expert_payable") + sum("expert_vat_collected")));
    expect(seller!.totals.feesCents).toBe(-sum("commission_revenue"));
    expect(seller!.totals.taxesCents).toBe(-sum("commission_vat_collected"));
    expect(seller!.totals.taxesCents).toBe(commissionVat);
    expect(commissionVat).toBeGreaterThan(0);
    // 333,33 € + 100 € excl. VAT, 20 % VAT: what the clients paid.
    expect(seller!.totals.grossCents).toBe(40_000 + 12_000);
    const statement = await yearlyStatement(paid.expert, thisYear, afterThisYear);
    expect(statement).toMatchObject({ grossCents: seller!.totals.grossCents, netCents: seller!.totals.considerationCents, transactions: 2 });
  });

  it("exports a declaration that validates against the DGFiP DPI schema, amounts per quarter in whole euros", async () => {
    const result = await exportDeclaration(admin, thisYear, afterThisYear);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const check = await validateDac7Xsd(result.value.xml);
    expect(check.errors).toEqual([]);
    expect(check.valid).toBe(true);
    const sellers = await reportableSellers(db, thisYear);
    expect(result.value.sellers).toBe(sellers.length);
    const cons = [...result.value.xml.matchAll(/<dpi:ConsQ\d currCode="EUR">(\d+)<\/dpi:ConsQ\d>/g)].map((m) => Number(m[1]));
    expect(cons).toEqual(sellers.flatMap((s) => s.quarters.map((q) => wholeEuros(q.considerationCents))));
    expect(result.value.xml).toContain("<dpi:EntitySeller>");
    expect(result.value.xml).toContain(`<dpi:TIN issuedBy="FR">812345676</dpi:TIN>`);
  });

  it("flags an individual without date of birth or names, refuses the export until they are given, then declares them", async () => {
    await db.update(expertProfiles).set({ legalForm: "micro_entrepreneur" }).where(eq(expertProfiles.userId, fabricated.expert.id));
    const review = await reviewDeclaration(admin, 2026, new Date("2027-01-10T10:00:00Z"));
    const flagged = review!.sellers.find((s) => s.userId === fabricated.expert.id)!;
    expect(flagged.kind).toBe("individual");
    expect(flagged.missing).toEqual(expect.arrayContaining(["firstName", "lastName", "birthDate"]));
    expect(review!.blocked).toBe(1);
    const refused = await exportDeclaration(admin, 2026, new Date("2027-01-10T10:00:00Z"));
    expect(refused).toMatchObject({ ok: false, error: "incomplete" });

    const invalid = await saveMyTaxDetails(fabricated.expert, { firstName: "", lastName: "Bernard", birthDate: "2020-02-30", iban: "FR76 3000 6000 0112 3456 7890 188" }, "2026-12-05");
    expect(invalid).toEqual({ ok: false, error: "invalid", fields: { firstName: "required", birthDate: "birthDate", iban: "iban" } });
    const saved = await saveMyTaxDetails(fabricated.expert, { firstName: "Sophie", lastName: "Bernard", birthDate: "1985-04-12", birthCity: "Lyon", iban: "fr76 3000 6000 0112 3456 7890 189" }, "2026-12-05");
    expect(saved.ok).toBe(true);

    const result = await exportDeclaration(admin, 2026, new Date("2027-01-10T10:00:00Z"));
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect((await validateDac7Xsd(result.value.xml)).errors).toEqual([]);
    expect(result.value.xml).toContain("<dpi:BirthDate>1985-04-12</dpi:BirthDate>");
    expect(result.value.xml).toContain('<dpi:Identifier AccountNumberType="IBAN">FR7630006000011234567890189</dpi:Identifier>');
    expect(result.value.xml).toContain('<dpi:ConsQ1 currCode="EUR">108</dpi:ConsQ1>');
    expect(result.value.xml).toContain('<dpi:ConsQ2 currCode="EUR">216</dpi:ConsQ2>');
  });

  it("is for admins who passed the second factor only; a year not over or without sellers is not exported", async () => {
    for (const actor of [paid.expert, client, null, { ...admin, secondFactor: null }]) {
      await expect(reviewDeclaration(actor, 2026)).rejects.toBeInstanceOf(PolicyError);
      await expect(exportDeclaration(actor, 2026)).rejects.toBeInstanceOf(PolicyError);
    }
    expect(await exportDeclaration(admin, thisYear, new Date(`${thisYear}-12-31T12:00:00Z`))).toMatchObject({ ok: false, error: "not_over" });
    expect(await exportDeclaration(admin, 2023, afterThisYear)).toMatchObject({ ok: false, error: "empty" });
    expect(await exportDeclaration(admin, 2022, afterThisYear)).toMatchObject({ ok: false, error: "before_dac7" });
  });

  it("the export route answers admins with the XML, everyone else 404 (anonymous 401)", async () => {
    await db.update(expertProfiles).set({ legalForm: "eurl" }).where(eq(expertProfiles.userId, fabricated.expert.id));
    signIn(admin);
    const response = await xmlOf("2025");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect((await validateDac7Xsd(await response.text())).valid).toBe(true);
    expect((await xmlOf("20x5")).status).toBe(404);
    for (const actor of [fabricated.expert, client, { ...admin, secondFactor: null }]) {
      signIn(actor);
      expect((await xmlOf("2025")).status).toBe(404);
    }
    signIn(null);
    expect((await xmlOf("2025")).status).toBe(401);
  });

  it("the route answers 409, naming the seller, while an individual misses data the schema requires", async () => {
    const strangerContract = await makeActiveContract();
    await db.update(expertProfiles).set({ legalForm: "ei" }).where(eq(expertProfiles.userId, strangerContract.expert.id));
    await releasedAt(strangerContract, 0, "2025-06-01T10:00:00Z", 12_000, 1_200);
    signIn(admin);
    const response = await xmlOf("2025");
    expect(response.status).toBe(409);
    expect(await response.text()).toContain(`${strangerContract.expert.name ?? "Expert"} Conseil`);
    await saveMyTaxDetails(strangerContract.expert, { firstName: "Léa", lastName: "Martin", birthDate: "1979-09-30" });
    expect((await xmlOf("2025")).status).toBe(200);
  });

  it("gives each seller their own copy, and nobody else's", async () => {
    const copy = await mySellerCopy(fabricated.expert, 2026, new Date("2027-01-10T10:00:00Z"));
    expect(copy?.totals).toMatchObject({ activities: 2, considerationCents: 32_400 });
    expect(await mySellerCopy(stranger, 2026, new Date("2027-01-10T10:00:00Z"))).toBeNull();
    await expect(mySellerCopy(client, 2026)).rejects.toBeInstanceOf(PolicyError);
    await expect(mySellerCopy(admin, 2026)).rejects.toBeInstanceOf(PolicyError);
  });

  it("reminds on the dashboard from November to January an expert paid that year who misses required data", async () => {
    await db.update(expertProfiles).set({ legalForm: "ei" }).where(eq(expertProfiles.userId, paid.expert.id));
    expect(await myDeclarationReminder(paid.expert, new Date(`${thisYear}-12-10T08:00:00Z`))).toEqual({ year: thisYear });
    expect(await myDeclarationReminder(paid.expert, new Date(`${thisYear + 1}-01-10T08:00:00Z`))).toEqual({ year: thisYear });
    expect(await myDeclarationReminder(paid.expert, new Date(`${thisYear}-10-10T08:00:00Z`))).toBeNull();
    expect(await myDeclarationReminder(stranger, new Date(`${thisYear}-12-10T08:00:00Z`))).toBeNull();
    await db.update(expertProfiles).set({ legalForm: "eurl" }).where(eq(expertProfiles.userId, paid.expert.id));
    expect(await myDeclarationReminder(paid.expert, new Date(`${thisYear}-12-10T08:00:00Z`))).toBeNull();
    await expect(myDeclarationReminder(client)).rejects.toBeInstanceOf(PolicyError);
  });

  it("the worker reminds in December those with missing data, and sends every seller their copy in January, once", async () => {
    await db.update(expertProfiles).set({ legalForm: "ei" }).where(eq(expertProfiles.userId, paid.expert.id));
    const december = await sendDac7Notices(new Date(`${thisYear}-12-10T08:00:00Z`));
    expect(december.copies).toBe(0);
    const mails = (to: string) => db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, "dac7")));
    expect((await mails(paid.expert.email)).map((m) => m.subject)).toEqual([`Complétez vos informations fiscales avant la déclaration ${thisYear}`]);
    expect(december.reminders).toBe((await reviewDeclaration(admin, thisYear))!.sellers.filter((s) => s.missing.some((m) => m !== "financialAccount")).length);
    expect(await sendDac7Notices(new Date(`${thisYear}-12-11T08:00:00Z`))).toEqual({ reminders: 0, copies: 0 });
    expect(await sendDac7Notices(new Date(`${thisYear}-11-30T08:00:00Z`))).toEqual({ reminders: 0, copies: 0 });

    // 31 December 23:30 UTC is already January in Paris.
    const january = await sendDac7Notices(new Date(`${thisYear}-12-31T23:30:00Z`));
    expect(january.copies).toBe((await reportableSellers(db, thisYear)).length);
    const copy = (await mails(paid.expert.email)).find((m) => m.subject.startsWith("Votre copie"));
    expect(copy?.text).toContain(`/expert/dac7/${thisYear}`);
    expect(await sendDac7Notices(new Date(`${thisYear + 1}-01-20T08:00:00Z`))).toEqual({ reminders: 0, copies: 0 });
    expect(await sendDac7Notices(new Date(`${thisYear + 1}-02-01T08:00:00Z`))).toEqual({ reminders: 0, copies: 0 });
  });
});
