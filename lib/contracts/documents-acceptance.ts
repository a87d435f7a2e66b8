import "server-only";
import { eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { contractDocumentAcceptances, contracts, type Contract, type ContractDocumentKind, type ContractSide } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { sendEmail } from "@/lib/email/send-email";
import { fail, ok, type Result } from "@/lib/result";
import { contractRecipients, loadContractFor, requiredDocuments } from "./access";
import { nextContractStatus } from "./contract-machine";
import { buildContractDocument, contractDocumentSha256 } from "./documents/build";
import { appUrl } from "@/lib/http/app-url";

export type AcceptDocumentError = "not_required" | "illegal_transition";

async function tell(tx: Transaction, contract: Contract, side: ContractSide, event: "documentsAwaiting" | "contractActive") {
  const party = side === "expert" ? contract.facts.client.legalName : contract.facts.expert.name;
  for (const recipient of await contractRecipients(tx, contract, side)) {
    await sendEmail(tx, {
      template: "contract-event",
      to: recipient.email,
      idempotencyKey: `contract-${event}:${contract.id}:${side}:${recipient.email}`,
      props: {
        locale: recipient.locale,
        event,
        jobTitle: contract.facts.job.title,
        party,
        withDpa: contract.personalData,
        withTrainingAgreement: Boolean(contract.facts.training),
        url: appUrl(`/contracts/${contract.id}`),
      },
    });
  }
}

/**
 * One side accepts one of the contract's documents: the French text (the binding one) is hashed
 * and kept with the version. Accepting twice changes nothing. When the last required acceptance
 * arrives the contract becomes active and both sides are told; when one side has accepted all
 * its documents first, the other side is reminded by email.
 */
export async function acceptContractDocument(
  actor: Actor | null,
  input: { contractId: string; kind: ContractDocumentKind },
): Promise<Result<{ active: boolean }, AcceptDocumentError>> {
  return db.transaction(async (tx) => {
    const { contract, side } = await loadContractFor(tx, actor, input.contractId, { lock: true });
    if (side === "admin") throw new PolicyError("forbidden");
    const required = requiredDocuments(contract);
    if (!required.includes(input.kind)) return fail("not_required");
    if (contract.status !== "awaiting_documents") return fail("illegal_transition");

    const document = buildContractDocument(input.kind, contract.facts, "fr");
    await tx
      .insert(contractDocumentAcceptances)
      .values({ contractId: contract.id, kind: input.kind, side, userId: actor?.id ?? null, version: document.version, contentSha256: contractDocumentSha256(document) })
      .onConflictDoNothing();
    await recordAudit(tx, { actorId: actor?.id ?? null, action: `contract.${input.kind}_accepted`, subjectType: "contract", subjectId: contract.id, data: { side } });

    const accepted = await tx.select().from(contractDocumentAcceptances).where(eq(contractDocumentAcceptances.contractId, contract.id));
    const done = (s: ContractSide) => required.every((kind) => accepted.some((a) => a.kind === kind && a.side === s));
    const other: ContractSide = side === "client" ? "expert" : "client";
    if (done("client") && done("expert")) {
      const next = nextContractStatus(contract.status, "activate");
      if (!next) return fail("illegal_transition");
      await tx.update(contracts).set({ status: next, activatedAt: new Date(), updatedAt: new Date() }).where(eq(contracts.id, contract.id));
      await recordAudit(tx, { actorId: actor?.id ?? null, action: "contract.activate", subjectType: "contract", subjectId: contract.id, fromStatus: contract.status, toStatus: next });
      await tell(tx, contract, "client", "contractActive");
      await tell(tx, contract, "expert", "contractActive");
      return ok({ active: true });
    }
    if (done(side)) await tell(tx, contract, other, "documentsAwaiting");
    return ok({ active: false });
  });
}
