import "server-only";
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { invoices, organizationMembers, type Invoice } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireRole } from "@/lib/auth/policy";
import { isUuidLike } from "@/lib/ids";

export interface Period {
  /** Inclusive, YYYY-MM-DD. */
  from?: string;
  /** Exclusive, YYYY-MM-DD. */
  to?: string;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** Which invoices an actor may see: the client's organisation's, the expert's own (both ways), or all for admins. */
async function visibleTo(actor: Actor | null): Promise<SQL | undefined> {
  const user = requireRole(actor, "client", "expert", "admin");
  if (user.role === "admin") return undefined;
  if (user.role === "expert") return eq(invoices.expertUserId, user.id);
  const orgs = await db.select({ id: organizationMembers.organizationId }).from(organizationMembers).where(eq(organizationMembers.userId, user.id));
  if (orgs.length === 0) return sql`false`;
  return and(inArray(invoices.organizationId, orgs.map((o) => o.id)), eq(invoices.role, "service"));
}

function inPeriod(period: Period): SQL[] {
  return [
    ...(period.from && isoDay.test(period.from) ? [gte(invoices.issueDate, period.from)] : []),
    ...(period.to && isoDay.test(period.to) ? [lt(invoices.issueDate, period.to)] : []),
  ];
}

/** The actor's invoices and credit notes in a period, newest first. */
export async function listInvoices(actor: Actor | null, period: Period = {}): Promise<Invoice[]> {
  const scope = await visibleTo(actor);
  return db
    .select()
    .from(invoices)
    .where(and(scope, ...inPeriod(period)))
    .orderBy(desc(invoices.issueDate), desc(invoices.number));
}

/** One invoice, for its parties and admins only (anyone else: PolicyError, as if it did not exist). */
export async function getInvoiceFor(actor: Actor | null, invoiceId: string): Promise<Invoice> {
  const scope = await visibleTo(actor);
  if (!isUuidLike(invoiceId)) throw new PolicyError("forbidden");
  const [invoice] = await db.select().from(invoices).where(and(eq(invoices.id, invoiceId), scope));
  if (!invoice) throw new PolicyError("forbidden");
  return invoice;
}


export { statementYears, yearlyStatement } from "./statement";
