import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { getMyMandate } from "@/lib/invoicing/mandate";
import { parisDay } from "@/lib/dates";
import { platformParty } from "@/lib/invoicing/parties";
import { listInvoices } from "@/lib/invoicing/queries";
import { yearlyStatement } from "@/lib/invoicing/statement";
import { renderTextDocumentPdf } from "@/lib/pdf/text-document";
import { statementDocument, type StatementSeller } from "./statement-document";

/** The expert's yearly statement (art. 242 bis du CGI) as a PDF; 404 before the year is over, for a year with no activity, or for anyone but an expert. */
export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }) {
  const { year: yearParam } = await params;
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!/^\d{4}$/.test(yearParam)) return new Response("Not found", { status: 404 });
  const year = Number(yearParam);
  let statement;
  let seller: StatementSeller;
  try {
    statement = await yearlyStatement(actor, year);
    if (!statement) return new Response("Not found", { status: 404 });
    seller = await sellerFor(actor, year);
  } catch (error) {
    if (error instanceof PolicyError) return new Response("Not found", { status: 404 });
    throw error;
  }
  const pdf = await renderTextDocumentPdf(statementDocument({ statement, platform: platformParty(), seller, issuedOn: parisDay(new Date()) }));
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="releve-annuel-${year}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** The seller identity of the year's last service invoice (as it was then), else today's mandate. */
async function sellerFor(actor: Actor, year: number): Promise<StatementSeller> {
  const rows = await listInvoices(actor, { from: `${year}-01-01`, to: `${year + 1}-01-01` });
  const last = rows.find((invoice) => invoice.role === "service");
  if (last) return last.document.seller;
  const mandate = await getMyMandate(actor);
  if (mandate) {
    return {
      name: mandate.legalName,
      addressLines: [mandate.addressLine1, mandate.addressLine2].filter((line): line is string => Boolean(line)),
      postalCode: mandate.postalCode,
      city: mandate.city,
      email: actor.email,
    };
  }
  return { name: actor.name ?? actor.email, addressLines: [], email: actor.email };
}
