import { describe, expect, it } from "vitest";
import { canonicalJson, chainHash, type ChainedFields } from "@/lib/invoicing/chain";

const row = {
  id: "00000000-0000-4000-8000-000000000001",
  kind: "invoice",
  role: "service",
  number: "F-ACME-2026-0001",
  seriesKey: "F:ACME",
  year: 2026,
  sequence: 1,
  issueDate: "2026-12-05",
  expertUserId: "00000000-0000-4000-8000-000000000002",
  organizationId: null,
  contractId: "00000000-0000-4000-8000-000000000003",
  milestoneId: "00000000-0000-4000-8000-000000000004",
  transferId: null,
  correctsInvoiceId: null,
  exVatCents: 10_000,
  vatCents: 2_000,
  inclVatCents: 12_000,
  paymentReference: "pi_123",
  document: { number: "F-ACME-2026-0001", totals: { inclVatCents: 12_000, exVatCents: 10_000 } },
  createdAt: new Date("2026-12-05T10:00:00Z"),
  pdfSha256: "a".repeat(64),
  xmlSha256: "b".repeat(64),
} as unknown as ChainedFields;

describe("the invoices' chain hash", () => {
  it("serialises canonically: sorted keys at every level, whatever order jsonb gives back", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: "é" }], c: null }, u: undefined })).toBe('{"a":{"c":null,"d":[2,{"e":"é","f":1}]},"b":1}');
    const reordered = { ...row, document: { totals: { exVatCents: 10_000, inclVatCents: 12_000 }, number: "F-ACME-2026-0001" } } as ChainedFields;
    expect(chainHash("", reordered)).toBe(chainHash("", row));
  });

  it("changes with any legal field, either file hash, or the previous document's hash", () => {
    const base = chainHash("", row);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const changed = [
      { ...row, exVatCents: 9_999 },
      { ...row, number: "F-ACME-2026-0002" },
      { ...row, document: { ...row.document, number: "X" } },
      { ...row, pdfSha256: "c".repeat(64) },
      { ...row, xmlSha256: "c".repeat(64) },
      { ...row, createdAt: new Date("2026-12-05T10:00:01Z") },
    ].map((variant) => chainHash("", variant as ChainedFields));
    expect(new Set([base, ...changed, chainHash("0".repeat(64), row)]).size).toBe(8);
  });
});
