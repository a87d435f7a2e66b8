/** Accounts, sessions, onboarding and organisations. */
import { chooseRole } from "@/lib/accounts/choose-role";
import { invitationToNewcomer } from "../action-fixtures";
import { everyone } from "./people";
import { access, type ActionAccess } from "./types";

export const ACCOUNT_ACTIONS: Record<string, ActionAccess> = {
  "app/account/actions.ts#eraseAccountAction": access({
    ok: ["newcomer", "clientMember", "otherClient", "otherExpert", "draftExpert"],
    together: true,
    note: "each types their own address; the owner is the only owner of an organisation with members, the party expert has a contract in force, admins are closed by the operator",
    form: ({ actor }) => ({ confirmEmail: actor?.email ?? "" }),
  }),
  "app/account/actions.ts#requestDataExportAction": access({
    ok: everyone.filter((who) => who !== "anonymous"),
    together: true,
    note: "anyone signed in asks for a copy of their own data (GDPR art. 15 and 20)",
  }),
  "app/actions/session.ts#setLocaleAction": access({
    ok: everyone,
    together: true,
    note: "anyone may switch language; a signed-in person's choice is also stored, an anonymous visitor's only in a cookie",
    form: () => ({ locale: "en" }),
    unchangedFor: ["anonymous"],
  }),
  "app/actions/session.ts#signOutAction": access({
    ok: everyone,
    together: true,
    note: "ends one's own session; an anonymous visitor has none to end and is just sent home",
    unchangedFor: ["anonymous"],
  }),
  "app/signin/actions.ts#requestSignInLinkAction": access({
    ok: everyone,
    together: true,
    note: "public: a sign-in link is emailed to the address typed (one address per person, under the per-address limit)",
    form: ({ who }) => ({ email: `camille.${who.toLowerCase()}@example.test`, callbackUrl: "/dashboard" }),
  }),
  "app/onboarding/actions.ts#chooseRoleAction": access({
    ok: ["newcomer"],
    note: "once only",
    form: () => ({ role: "client", name: "Nina Nouvelle" }),
  }),
  "app/onboarding/actions.ts#createOrganizationAction": access({
    ok: ["newcomer"],
    note: "a client with no organisation yet: here the newcomer, having just chosen “client” (onboarding's first step)",
    prepare: async (world) => {
      const chosen = await chooseRole(world.people.newcomer, { role: "client", name: "Nina Nouvelle" });
      if (!chosen.ok) throw new Error("role not chosen");
      world.people.newcomer = { ...world.people.newcomer, role: "client" };
    },
    form: () => ({
      legalName: "Nouvelle Entreprise SAS",
      registrationNumber: "732 829 320",
      addressLine1: "2 place du Marché",
      postalCode: "69002",
      city: "Lyon",
    }),
  }),
  "app/invitations/[token]/actions.ts#acceptInvitationAction": access({
    ok: ["newcomer"],
    note: "the invitation names the newcomer's address; anyone else is signed in with the wrong account",
    prepare: invitationToNewcomer,
    form: ({ prepared }) => ({ token: prepared.token }),
  }),
  "app/dashboard/actions.ts#inviteMemberAction": access({
    ok: ["clientOwner"],
    note: "owners only",
    form: ({ world }) => ({ organizationId: world.organizationId, email: "camille.durand@example.test", role: "member" }),
  }),
  "app/dashboard/member-actions.ts#setMemberRoleAction": access({
    ok: ["clientOwner"],
    note: "owners only",
    form: ({ world }) => ({ organizationId: world.organizationId, userId: world.people.clientMember.id, role: "owner" }),
  }),
};
