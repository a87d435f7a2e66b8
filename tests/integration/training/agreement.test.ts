import { and, eq } from "drizzle-orm";
import { extractText } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contractDocumentAcceptances, contracts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { contractDocumentPdf } from "@/lib/contracts/document-pdf";
import { buildContractDocument, contractDocumentSha256 } from "@/lib/contracts/documents/build";
import { acceptContractDocument } from "@/lib/contracts/documents-acceptance";
import { getContractView } from "@/lib/contracts/queries";
import { TRAINING_AGREEMENT_VERSION } from "@/lib/training/documents/agreement";
import { makeActiveContract } from "../../helpers/contracts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeTrainingContract } from "../../helpers/training";

let owner: Actor;
let outsider: Actor;
let admin: Actor;
beforeAll(async () => {
  owner = await makeUser("client", { name: "Claire Martin" });
  await makeOrganization(owner);
  outsider = await makeUser("client");
  await makeOrganization(outsider);
  admin = await makeUser("admin");
});

const contractOf = async (contractId: string) => (await db.select().from(contracts).where(eq(contracts.id, contractId)))[0];
const accept = (actor: Actor | null, contractId: string, kind: "nda" | "training_agreement") => acceptContractDocument(actor, { contractId, kind });

describe("the training agreement as a contract document", () => {
  it("is required beside the NDA, frozen at formation with the VAT rate, and the contract starts once both sides accepted everything", async () => {
    const { contractId, expert } = await makeTrainingContract({ owner, qualiopi: true });
    const contract = await contractOf(contractId);
    if (!contract) throw new Error("no contract");
    expect((await getContractView(owner, contractId)).documents.map((d) => d.kind)).toEqual(["nda", "training_agreement"]);
    // The expert is VAT-registered: the agreement states the rate the contract charges.
    expect(contract.facts.training?.vatRateBps).toBe(contract.vatRateBps);
    expect(contract.vatRateBps).toBe(2000);
    const french = buildContractDocument("training_agreement", contract.facts, "fr");
    expect(french.version).toBe(TRAINING_AGREEMENT_VERSION);
    expect(french.sections.find((s) => s.heading.startsWith("Article 6"))?.paragraphs.join(" ")).toContain("20\u00a0%");

    for (const actor of [owner, expert]) expect(await accept(actor, contractId, "nda")).toEqual({ ok: true, value: { active: false } });
    expect(await accept(owner, contractId, "training_agreement")).toEqual({ ok: true, value: { active: false } });
    expect((await contractOf(contractId))?.status).toBe("awaiting_documents");
    // Accepting twice changes nothing.
    expect(await accept(owner, contractId, "training_agreement")).toEqual({ ok: true, value: { active: false } });
    expect(await accept(expert, contractId, "training_agreement")).toEqual({ ok: true, value: { active: true } });
    expect((await contractOf(contractId))?.status).toBe("active");

    const rows = await db
      .select()
      .from(contractDocumentAcceptances)
      .where(and(eq(contractDocumentAcceptances.contractId, contractId), eq(contractDocumentAcceptances.kind, "training_agreement")));
    expect(rows.map((r) => [r.side, r.userId, r.version, r.contentSha256]).sort()).toEqual([
      ["client", owner.id, TRAINING_AGREEMENT_VERSION, contractDocumentSha256(french)],
      ["expert", expert.id, TRAINING_AGREEMENT_VERSION, contractDocumentSha256(french)],
    ]);

    // Once active, nothing is left to accept.
    expect(await accept(owner, contractId, "training_agreement")).toEqual({ ok: false, error: "illegal_transition" });

    // The PDF, in both languages: the text, the French text's hash, and who accepted when.
    const view = await getContractView(expert, contractId);
    for (const locale of ["fr", "en"] as const) {
      const { bytes, fileName } = await contractDocumentPdf(view, "training_agreement", locale);
      expect(fileName).toBe(`${locale === "fr" ? "convention-de-formation" : "training-agreement"}-${TRAINING_AGREEMENT_VERSION}-${locale}.pdf`);
      const text = (await extractText(bytes, { mergePages: true })).text.replace(/\s+/g, " ");
      expect(text).toContain(contractDocumentSha256(french));
      expect(text).toContain(locale === "fr" ? "Acceptations enregistrées" : "Recorded acceptances");
      expect(text).toContain(locale === "fr" ? "acceptée par Claire Martin" : "accepted by Claire Martin");
      expect(text).toContain("QUA-2026-0042");
    }
  });

  it("is refused to admins, other organisations and visitors, and is not part of a contract without training", async () => {
    const { contractId } = await makeTrainingContract({ owner });
    await expect(accept(admin, contractId, "training_agreement")).rejects.toThrow(PolicyError);
    await expect(accept(outsider, contractId, "training_agreement")).rejects.toThrow(PolicyError);
    await expect(accept(null, contractId, "training_agreement")).rejects.toThrow(PolicyError);
    const other = await makeUser("expert");
    await expect(accept(other, contractId, "training_agreement")).rejects.toThrow(PolicyError);
    expect(await db.select().from(contractDocumentAcceptances).where(eq(contractDocumentAcceptances.contractId, contractId))).toEqual([]);

    const installation = await makeActiveContract({ owner, activate: false });
    expect(await accept(owner, installation.contractId, "training_agreement")).toEqual({ ok: false, error: "not_required" });
    expect((await getContractView(owner, installation.contractId)).documents.map((d) => d.kind)).toEqual(["nda"]);
  });
});
