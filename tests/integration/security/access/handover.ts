/** Handover: the access register (both parties), the expert's handover pack, the client's answers. */
import { parisDay } from "@/lib/dates";
import { fundMilestone } from "../../../helpers/contracts";
import { must } from "../action-fixtures";
import { deliverHandoverPack } from "@/lib/handover/pack";
import { recordAccess } from "@/lib/handover/register";
import type { World } from "../action-world";
import { demoOrg } from "./people";
import { access, type ActionAccess } from "./types";

const today = () => parisDay();

/** An access the expert recorded on the world contract. */
async function recordedAccess(world: World) {
  const contractId = world.contract.contractId;
  const { accessId } = must(await recordAccess(world.people.partyExpert, { contractId, kind: "host", label: "ssh deploy@srv1.example.fr", holder: "Sophie", since: today() }), "access");
  return { contractId, accessId };
}

/** The world contract's last milestone funded, with an access in the register: the pack may be delivered. */
async function lastMilestoneFunded(world: World) {
  const recorded = await recordedAccess(world);
  // Milestones are funded in order.
  for (const milestoneId of world.contract.milestoneIds) await fundMilestone(world.people.clientOwner, milestoneId);
  return recorded;
}

export const packForm = (contractId: string, accessId: string) => ({
  contractId,
  architecture: "srv1 (Debian 12) : Nextcloud 29, PostgreSQL 15, Caddy 2.7.",
  backups: "BorgBackup chaque nuit vers un second VPS chez un autre hébergeur.",
  restoreProcedure: "borg extract de la dernière archive, puis restauration de la base.",
  lastRestoreTestOn: today(),
  adminAccounts: "Compte admin Nextcloud remis à Claire Martin.",
  updateProcedure: "apt upgrade chaque mois, puis occ upgrade pour Nextcloud.",
  revoke: accessId,
});

/** The pack delivered with the access listed to revoke: the client answers. */
async function deliveredPack(world: World) {
  const { contractId, accessId } = await lastMilestoneFunded(world);
  const { revoke, ...pack } = packForm(contractId, accessId);
  must(await deliverHandoverPack(world.people.partyExpert, { ...pack, revokeAccessIds: [revoke] }), "pack");
  return { contractId, accessId };
}

export const HANDOVER_ACTIONS: Record<string, ActionAccess> = {
  "app/contracts/[id]/handover/actions.ts#recordAccessAction": access({
    ok: [...demoOrg, "partyExpert"],
    note: "both parties record accesses; admins read the register",
    form: ({ world }) => ({ contractId: world.contract.contractId, kind: "vpn_key", label: "WireGuard, poste de Claire", holder: "Claire Martin", since: today() }),
  }),
  "app/contracts/[id]/handover/actions.ts#revokeAccessAction": access({
    ok: [...demoOrg, "partyExpert"],
    prepare: recordedAccess,
    form: ({ prepared }) => ({ contractId: prepared.contractId, accessId: prepared.accessId }),
  }),
  "app/contracts/[id]/handover/actions.ts#deliverHandoverPackAction": access({
    ok: ["partyExpert"],
    prepare: lastMilestoneFunded,
    form: ({ prepared }) => packForm(prepared.contractId, prepared.accessId),
  }),
  "app/contracts/[id]/handover/actions.ts#decideAccessAction": access({
    ok: demoOrg,
    note: "the client organisation's members answer for the accesses the pack lists",
    prepare: deliveredPack,
    form: ({ prepared }) => ({ contractId: prepared.contractId, accessId: prepared.accessId, decision: "revoked" }),
  }),
};
