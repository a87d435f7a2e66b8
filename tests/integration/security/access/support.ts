/** The contact form and support threads. */
import { openSupportThread } from "@/lib/support/threads";
import type { World } from "../action-world";
import { everyone } from "./people";
import { access, type ActionAccess } from "./types";

/** A thread the demo organisation's owner opened. */
async function ownersThread(world: World): Promise<{ threadId: string }> {
  const opened = await openSupportThread(
    world.people.clientOwner,
    { name: "", email: "", topic: "billing", subject: "Facture du jalon 1", body: "Bonjour, je ne trouve pas la facture du jalon 1." },
    { ip: null, locale: "fr" },
  );
  if (!opened.ok) throw new Error(`thread not opened: ${opened.error}`);
  return opened.value;
}

export const SUPPORT_ACTIONS: Record<string, ActionAccess> = {
  "app/contact/actions.ts#contactAction": access({
    ok: everyone,
    together: true,
    note: "public: anyone writes to the platform (a signed-in person under their account's address), under the per-address and per-IP limits",
    form: ({ who }) => ({
      name: "Camille Contact",
      email: `contact.${who.toLowerCase()}@example.test`,
      topic: "question",
      subject: "Une question",
      body: "Bonjour, comment fonctionne la vérification des experts ?",
    }),
  }),
  "app/support/[id]/actions.ts#replySupportAction": access<{ threadId: string }>({
    ok: ["clientOwner", "admin"],
    note: "the person who opened the thread, and admins (second factor passed); a visitor's secret link is tested apart",
    prepare: ownersThread,
    form: ({ prepared }) => ({ threadId: prepared.threadId, body: "Merci pour votre retour." }),
  }),
  "app/admin/support/actions.ts#closeSupportAction": access<{ threadId: string }>({
    ok: ["admin"],
    prepare: ownersThread,
    form: ({ prepared }) => ({ threadId: prepared.threadId }),
  }),
};
