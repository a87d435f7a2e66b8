// The invoice snapshot types live with the schema (db imports nothing from lib).
export type { InvoiceDocument, InvoiceKind, InvoiceLine, InvoiceParty, VatTreatment } from "@/db/schema/invoice-document";
