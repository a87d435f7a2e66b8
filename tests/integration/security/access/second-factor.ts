/** The admin second factor: enrolment, verification, and the security page's two actions. */
import { confirmTotpEnrolment, pendingTotpSecret } from "@/lib/auth/second-factor/enrolment";
import { anotherSession, totpCode } from "../../../helpers/second-factor";
import type { Actor } from "@/lib/auth/actor";
import type { World } from "../action-world";
import { access, type ActionAccess } from "./types";

/** The pending admin's authenticator secret, enrolment started in their own session. */
async function enrolmentStarted(world: World) {
  return { secret: (await pendingTotpSecret({ ...world.people.pendingAdmin, secondFactor: null })).secret };
}

/** `person` enrolled in another session (another browser): this one must still verify. */
async function enrolledElsewhere(person: Actor) {
  const elsewhere = await anotherSession(person);
  const { secret } = await pendingTotpSecret(elsewhere);
  const done = await confirmTotpEnrolment(elsewhere, { code: await totpCode(secret) });
  if (!done.ok) throw new Error(`enrolment failed: ${done.error}`);
  return { secret };
}

export const SECOND_FACTOR_ACTIONS: Record<string, ActionAccess> = {
  "app/second-factor/actions.ts#confirmEnrolmentAction": access({
    ok: ["pendingAdmin"],
    note: "an admin with no authenticator yet confirms the first code",
    prepare: enrolmentStarted,
    form: async ({ prepared }) => ({ code: await totpCode(prepared.secret) }),
  }),
  "app/second-factor/actions.ts#verifySecondFactorAction": access({
    ok: ["pendingAdmin"],
    note: "an enrolled admin whose session has not passed the second factor",
    prepare: (world: World) => enrolledElsewhere(world.people.pendingAdmin),
    form: async ({ prepared }) => ({ code: await totpCode(prepared.secret, 1), callbackUrl: "/admin" }),
  }),
  "app/admin/security/actions.ts#regenerateCodesAction": access({
    ok: ["admin"],
    note: "an admin whose session passed the second factor, with a current code",
    prepare: (world: World) => enrolledElsewhere(world.people.admin),
    form: async ({ prepared }) => ({ code: await totpCode(prepared.secret, 1) }),
  }),
  "app/admin/security/actions.ts#reenrolAction": access({
    ok: ["admin"],
    note: "an admin whose session passed the second factor, with a current code and the new app's first code",
    prepare: async (world: World) => {
      const { secret } = await enrolledElsewhere(world.people.admin);
      const next = await pendingTotpSecret({ ...world.people.admin, secondFactor: "totp" });
      return { secret, next: next.secret };
    },
    form: async ({ prepared }) => ({ currentCode: await totpCode(prepared.secret, 1), newCode: await totpCode(prepared.next) }),
  }),
};
