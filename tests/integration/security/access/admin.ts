/** The admin's actions: suspensions, vetting, disputes, reconciliation, contract cancellation, background jobs. */
import { makeCompleteExpert } from "../../../helpers/experts";
import { makeUser } from "../../../helpers/factories";
import { failedEmail, failedJob } from "../../../helpers/background";
import { settleableDispute, unsentPayout } from "../action-fixtures";
import { access, type ActionAccess } from "./types";

export const ADMIN_ACTIONS: Record<string, ActionAccess> = {
  "app/admin/actions.ts#setSuspensionAction": access({
    ok: ["admin"],
    prepare: async () => ({ userId: (await makeUser("client")).id }),
    form: ({ prepared }) => ({ userId: prepared.userId, reason: "Fraude à la carte constatée", intent: "suspend" }),
  }),
  "app/admin/vetting/actions.ts#decideVerificationAction": access({
    ok: ["admin"],
    prepare: async () => ({ profileId: (await makeCompleteExpert({ submit: true })).profileId }),
    form: ({ prepared }) => ({
      profileId: prepared.profileId,
      decision: "approve",
      reason: "Identité, SIRET et assurance vérifiés sur pièces.",
      "check.identity": "on",
      "check.siret": "on",
      "check.insurance": "on",
      "check.urssaf": "on",
      "check.skills": "on",
    }),
  }),
  "app/admin/vetting/actions.ts#expertSuspensionAction": access({
    ok: ["admin"],
    form: ({ world }) => ({ profileId: world.profiles.otherExpert, reason: "Attestation d'assurance falsifiée", intent: "suspend" }),
  }),
  "app/admin/disputes/actions.ts#settleDisputeAction": access({
    ok: ["admin"],
    prepare: settleableDispute,
    form: ({ prepared }) => ({ disputeId: prepared.disputeId, outcome: "release", note: "Les sauvegardes fonctionnent depuis le 3 : libéré." }),
  }),
  "app/admin/payments/actions.ts#reconcileAction": access({
    ok: ["admin"],
    note: "a check against the payment provider; the run is written to the audit log",
  }),
  "app/admin/payments/actions.ts#withholdPayoutAction": access({
    ok: ["admin"],
    note: "withholding a payout (a statement of reasons to the expert); the release is the same action (lib/payments/withholding, integration-tested)",
    prepare: unsentPayout,
    form: ({ prepared }) => ({ transferId: prepared.transferId, intent: "withhold", reason: "Soupçon de fraude sur le paiement, vérification en cours.", ground: "law_fraud" }),
  }),
  "app/admin/background/actions.ts#jobAction": access({
    ok: ["admin"],
    prepare: failedJob,
    form: ({ prepared }) => ({ jobId: prepared.jobId, intent: "retry" }),
  }),
  "app/admin/background/actions.ts#emailRetryAction": access({
    ok: ["admin"],
    prepare: failedEmail,
    form: ({ prepared }) => ({ emailId: prepared.emailId }),
  }),
  "app/contracts/[id]/admin-actions.ts#cancelContractAction": access({
    ok: ["admin"],
    form: ({ world }) => ({ contractId: world.contract.contractId, reason: "Les deux parties ont demandé l'annulation.", confirm: "yes" }),
  }),
};
