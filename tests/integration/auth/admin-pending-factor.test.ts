import { describe, expect, it } from "vitest";
import { getAdminOverview } from "@/lib/accounts/queries";
import { getUserForAdmin, listUsersForAdmin } from "@/lib/accounts/admin-users";
import { suspendUser } from "@/lib/accounts/suspension";
import type { Actor } from "@/lib/auth/actor";
import { listContractsForAdmin } from "@/lib/contracts/admin-queries";
import { cancelContract } from "@/lib/contracts/cancel";
import { getContractView } from "@/lib/contracts/queries";
import { getConversation } from "@/lib/conversations/queries";
import { getVettingDetail, getVettingQueue, getVettingStats } from "@/lib/experts/admin-queries";
import { decideVerification, setExpertSuspension } from "@/lib/experts/vetting";
import { listInvoices } from "@/lib/invoicing/queries";
import { getJobForViewer } from "@/lib/jobs/queries";
import { getDisputeDetail, getPaymentTotals, listOpenDisputes } from "@/lib/payments/admin-queries";
import { settleDispute } from "@/lib/payments/disputes";
import { runReconciliation } from "@/lib/payments/reconcile";
import { makeActiveContract } from "../../helpers/contracts";
import { makeUser } from "../../helpers/factories";

const someId = "00000000-0000-4000-8000-000000000000";

/** Every admin use case and query, as a function of the acting admin. */
const adminUseCases: [string, (actor: Actor) => Promise<unknown>][] = [
  ["getAdminOverview", (a) => getAdminOverview(a)],
  ["listUsersForAdmin", (a) => listUsersForAdmin(a)],
  ["getUserForAdmin", (a) => getUserForAdmin(a, someId)],
  ["suspendUser", (a) => suspendUser(a, { userId: someId, reason: "Compte compromis" })],
  ["getVettingQueue", (a) => getVettingQueue(a)],
  ["getVettingStats", (a) => getVettingStats(a)],
  ["getVettingDetail", (a) => getVettingDetail(a, someId)],
  ["decideVerification", (a) => decideVerification(a, { profileId: someId, decision: "approve", reason: "", checklist: {} })],
  ["setExpertSuspension", (a) => setExpertSuspension(a, { profileId: someId, reason: "Attestation fausse", suspend: true })],
  ["listOpenDisputes", (a) => listOpenDisputes(a)],
  ["getDisputeDetail", (a) => getDisputeDetail(a, someId)],
  ["settleDispute", (a) => settleDispute(a, { disputeId: someId, outcome: "release", note: "Livraison conforme au contrat" })],
  ["getPaymentTotals", (a) => getPaymentTotals(a)],
  ["runReconciliation", (a) => runReconciliation(a)],
  ["listContractsForAdmin", (a) => listContractsForAdmin(a)],
  ["cancelContract", (a) => cancelContract(a, { contractId: someId, reason: "Le client a fermé son entreprise" })],
  ["listInvoices", (a) => listInvoices(a)],
];

describe("an admin whose session has not passed the second factor", () => {
  it.each(adminUseCases)("is refused by %s (second_factor_required)", async (_name, run) => {
    const admin = await makeUser("admin");
    await expect(run({ ...admin, secondFactor: null })).rejects.toMatchObject({ name: "PolicyError", code: "second_factor_required" });
  });

  it("sees a contract, a bid conversation and a job's confidential part as nobody special", async () => {
    const { contractId, jobId, bidId } = await makeActiveContract();
    const admin = await makeUser("admin");
    const pending = { ...admin, secondFactor: null };
    await expect(getContractView(pending, contractId)).rejects.toMatchObject({ code: "second_factor_required" });
    await expect(getConversation(pending, bidId)).rejects.toMatchObject({ code: "second_factor_required" });
    expect((await getJobForViewer(pending, jobId))?.needs).toBeNull();

    // The same admin once the session passed it.
    expect((await getContractView(admin, contractId)).side).toBe("admin");
    expect((await getConversation(admin, bidId)).side).toBe("admin");
    expect((await getJobForViewer(admin, jobId))?.needs).not.toBeNull();
  });
});
