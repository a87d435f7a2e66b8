import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { invoices, type Invoice } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { parisDay } from "@/lib/dates";
import { platformParty } from "@/lib/invoicing/parties";
import { buildFacturXXml } from "@/lib/invoicing/render";
import { extractText, getDocumentProxy } from "unpdf";
import { yearlyStatement } from "@/lib/invoicing/queries";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { GET as invoicePdf } from "@/app/invoices/[id]/pdf/route";
import { GET as exportCsv } from "@/app/invoices/export/route";
import { csvFileName, nextDay, parsePeriod, presetPeriod, queryPeriod } from "@/app/invoices/period";
import { GET as statementPdf } from "@/app/invoices/statement/[year]/route";
import { statementDocument } from "@/app/invoices/statement/[year]/statement-document";
import { fundMilestone, makeActiveContract, type ActiveContract } from "../../helpers/contracts";
import { makeOrganization, makeUser } from "../../helpers/factories";

// The routes ask `currentActor()` (the Auth.js session) who is signed in; tests say it directly.
vi.mock("@/lib/auth/current-actor", () => ({ currentActor: vi.fn() }));
const signIn = (actor: Actor | null) => vi.mocked(currentActor).mockResolvedValue(actor);

const year = new Date().getFullYear();
const base = "http://localhost:3000";
const pdfOf = (id: string, search = "") => invoicePdf(new Request(`${base}/invoices/${id}/pdf${search}`), { params: Promise.resolve({ id }) });
const csvFor = (search = "") => exportCsv(new Request(`${base}/invoices/export${search}`));
const statementOf = (y: string) => statementPdf(new Request(`${base}/invoices/statement/${y}`), { params: Promise.resolve({ year: y }) });

let contract: ActiveContract;
let service: Invoice;
let commission: Invoice;

beforeAll(async () => {
  contract = await makeActiveContract({ bid: { total: "500", milestones: [{ title: "Paramétrage", amount: "500", dueOn: "2027-02-01" }] } });
  const milestoneId = contract.milestoneIds[0]!;
  await fundMilestone(contract.owner, milestoneId);
  const delivered = await markDelivered(contract.expert, { milestoneId, note: "Paramétrage terminé et recetté." });
  if (!delivered.ok) throw new Error(JSON.stringify(delivered));
  const approved = await approveMilestone(contract.owner, { milestoneId });
  if (!approved.ok) throw new Error(JSON.stringify(approved));
  const rows = await db.select().from(invoices).where(eq(invoices.milestoneId, milestoneId));
  service = rows.find((r) => r.role === "service")!;
  commission = rows.find((r) => r.role === "commission")!;
});

afterEach(() => {
  vi.useRealTimers();
  vi.mocked(currentActor).mockReset();
});

describe("GET /invoices/[id]/pdf", () => {
  it("gives the parties their invoice as a private PDF attachment named after its number", async () => {
    for (const [actor, invoice] of [
      [contract.owner, service],
      [contract.expert, service],
      [contract.expert, commission],
      [await makeUser("admin"), commission],
    ] as const) {
      signIn(actor);
      const response = await pdfOf(invoice.id);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${invoice.number}.pdf"`);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
  });

  it("?lang=en: the same document with English labels beside the French ones, the same Factur-X XML", async () => {
    for (const [actor, invoice, title] of [
      [contract.owner, service, "FACTURE / INVOICE"],
      [contract.expert, commission, "FACTURE / INVOICE"],
    ] as const) {
      signIn(actor);
      const response = await pdfOf(invoice.id, "?lang=en");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${invoice.number}-fr-en.pdf"`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const proxy = await getDocumentProxy(bytes);
      const text = (await extractText(proxy, { mergePages: true })).text.replace(/\s+/g, " ");
      expect(text).toContain(title);
      expect(text).toContain("English labels for information; the French text is binding.");
      const attachments = (await proxy.getAttachments()) as Record<string, { content: Uint8Array }>;
      expect(new TextDecoder().decode(attachments["factur-x.xml"]?.content)).toBe(buildFacturXXml(invoice.document));
      // The French original is unchanged.
      const french = (await extractText(await getDocumentProxy(new Uint8Array(await (await pdfOf(invoice.id, "?lang=de")).arrayBuffer())), { mergePages: true })).text;
      expect(french).not.toContain("Invoice");
    }
    signIn(await makeUser("expert"));
    expect((await pdfOf(service.id, "?lang=en")).status).toBe(404);
  });

  it("is 401 for anonymous visitors and 404 for anyone else, as if the invoice did not exist", async () => {
    signIn(null);
    expect((await pdfOf(service.id)).status).toBe(401);
    const stranger = await makeUser("client");
    await makeOrganization(stranger);
    const otherExpert = await makeUser("expert");
    for (const [actor, invoice] of [
      [stranger, service],
      [otherExpert, service],
      [contract.owner, commission], // the client does not see Compagnon's invoice to the expert
      [await makeUser(null), service],
    ] as const) {
      signIn(actor);
      expect((await pdfOf(invoice.id)).status).toBe(404);
    }
    signIn(contract.owner);
    expect((await pdfOf("not-a-uuid")).status).toBe(404);
    expect((await pdfOf("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("GET /invoices/export", () => {
  it("sends the actor's invoices of the period as a French CSV named after the period", async () => {
    signIn(contract.expert);
    const today = parisDay(new Date());
    const response = await csvFor(`?from=${today}&to=${today}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="factures_${today}_${today}.csv"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = Buffer.from(await response.arrayBuffer());
    // UTF-8 with its byte order mark, so that Excel reads the accents right.
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const csv = bytes.toString("utf8");
    expect(csv.startsWith("\uFEFFJournalCode;JournalLib;EcritureDate;PieceRef;PieceDate;")).toBe(true);
    expect(csv).toContain(service.number);
    expect(csv).toContain(commission.number);

    // The client's export has its service invoice, not the commission invoice.
    signIn(contract.owner);
    const client = await (await csvFor()).text();
    expect(client).toContain(service.number);
    expect(client).not.toContain(commission.number);
  });

  it("leaves out invoices outside the period; invalid dates export every invoice, as the page shows", async () => {
    signIn(contract.expert);
    const tomorrow = nextDay(parisDay(new Date()));
    const empty = await (await csvFor(`?from=${tomorrow}`)).text();
    expect(empty.trim().split("\r\n")).toHaveLength(1);
    const invalid = await csvFor("?from=2026-02-30&to=2026-03-01");
    expect(invalid.headers.get("content-disposition")).toBe('attachment; filename="factures_toutes-dates.csv"');
    expect(await invalid.text()).toContain(service.number);
  });

  it("is 401 for anonymous visitors, 404 without a role, and only a header line for a client with no invoices", async () => {
    signIn(null);
    expect((await csvFor()).status).toBe(401);
    signIn(await makeUser(null));
    expect((await csvFor()).status).toBe(404);
    const stranger = await makeUser("client");
    await makeOrganization(stranger);
    signIn(stranger);
    expect((await (await csvFor()).text()).trim().split("\r\n")).toHaveLength(1);
  });
});

describe("GET /invoices/statement/[year]", () => {
  it("gives the expert a past year's statement as a PDF", async () => {
    signIn(contract.expert);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(`${year + 1}-01-02T10:00:00Z`));
    const response = await statementOf(String(year));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="releve-annuel-${year}.pdf"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("is 404 while the year is not over, for a malformed year, and for clients and admins; 401 for anonymous visitors", async () => {
    signIn(contract.expert);
    expect((await statementOf(String(year))).status).toBe(404);
    expect((await statementOf("20x6")).status).toBe(404);
    expect((await statementOf("1999")).status).toBe(404);
    for (const actor of [contract.owner, await makeUser("admin")]) {
      signIn(actor);
      expect((await statementOf(String(year - 1))).status).toBe(404);
    }
    signIn(null);
    expect((await statementOf(String(year - 1))).status).toBe(401);
  });

  it("states the platform, the expert, the count and gross amounts, each invoice and article 242 bis", async () => {
    const statement = await yearlyStatement(contract.expert, year, new Date(`${year + 1}-01-02T10:00:00Z`));
    if (!statement) throw new Error("no statement");
    const document = statementDocument({ statement, platform: platformParty(), seller: service.document.seller, issuedOn: `${year + 1}-01-02` });
    const text = [document.title, document.subtitle, ...document.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join("\n");
    expect(document.title).toBe(`Relevé annuel des transactions — ${year}`);
    expect(text).toContain(platformParty().name);
    expect(text).toContain(service.document.seller.name);
    expect(text).toContain("Nombre de transactions : 1.");
    // 500 € excl. VAT, 600 € incl. VAT (20 %).
    expect(text).toContain("TVA comprise : 600,00\u00a0€");
    expect(text).toContain("Montant hors TVA : 500,00\u00a0€");
    expect(text).toContain(`${service.number} — facture du`);
    expect(text).not.toContain(commission.number); // commission invoices are not transactions of the expert's
    expect(text).toContain("article 242 bis du Code général des impôts");
  });
});

describe("the period of the invoices page", () => {
  it("reads both days included, and queries with the end made exclusive", () => {
    expect(parsePeriod({ from: "2026-01-01", to: "2026-01-31" })).toEqual({ from: "2026-01-01", to: "2026-01-31", invalid: false });
    expect(queryPeriod(parsePeriod({ from: "2026-01-01", to: "2026-12-31" }))).toEqual({ from: "2026-01-01", to: "2027-01-01" });
    expect(queryPeriod(parsePeriod({ to: "2028-02-28" }))).toEqual({ to: "2028-02-29" });
    expect(parsePeriod({})).toEqual({ invalid: false });
    expect(parsePeriod({ from: ["2026-03-01", "x"], to: "" })).toEqual({ from: "2026-03-01", invalid: false });
  });

  it("drops impossible days and reversed periods", () => {
    for (const params of [{ from: "2026-02-30" }, { to: "2026-13-01" }, { from: "01/02/2026" }, { from: "2026-03-02", to: "2026-03-01" }]) {
      expect(parsePeriod(params)).toEqual({ invalid: true });
    }
  });

  it("offers this month, last month, this year and last year, across a new year", () => {
    expect(presetPeriod("thisMonth", "2028-02-10")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(presetPeriod("lastMonth", "2027-01-05")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(presetPeriod("thisYear", "2027-01-05")).toEqual({ from: "2027-01-01", to: "2027-12-31" });
    expect(presetPeriod("lastYear", "2027-01-05")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(csvFileName({ from: "2026-01-01", invalid: false })).toBe("factures_depuis_2026-01-01.csv");
  });
});
