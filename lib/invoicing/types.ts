// The invoice snapshot types live with the schema (db imports nothing from lib).
export type { InvoiceDocument, InvoiceKind, InvoiceLine, InvoiceParty } from "@/db/schema/invoice-document";
