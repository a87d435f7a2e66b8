/** Versioned legal documents: announcing a version, accepting the versions in force. */
import { db } from "@/db/client";
import { legalAnnouncements } from "@/db/schema";
import { everyone } from "./people";
import { access, type ActionAccess } from "./types";

const signedIn = everyone.filter((who) => who !== "anonymous");

/** Terms version 2 in force from now: every account of the world, made before, has it to accept. */
async function termsV2InForce(): Promise<undefined> {
  await db.insert(legalAnnouncements).values({ document: "terms", version: "2", effectiveAt: new Date() }).onConflictDoNothing();
  return undefined;
}

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export const LEGAL_ACTIONS: Record<string, ActionAccess> = {
  "app/admin/legal/actions.ts#announceLegalVersionAction": access({
    ok: ["admin"],
    form: () => ({ document: "terms", version: "2", effectiveOn: inDays(20) }),
  }),
  "app/legal/accept/actions.ts#acceptLegalVersionsAction": access({
    ok: signedIn,
    note: "anyone signed in accepts the versions in force for themselves (an admin without the second factor too: accepting comes before it)",
    prepare: termsV2InForce,
    form: () => ({ confirm: "yes", shown: "terms:2", callbackUrl: "/dashboard" }),
  }),
};
