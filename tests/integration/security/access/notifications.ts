/** The notification centre: each person reads and sets only their own. */
import { db } from "@/db/client";
import { notifications } from "@/db/schema";
import type { World } from "../action-world";
import { everyone } from "./people";
import { access, type ActionAccess } from "./types";

const signedIn = everyone.filter((who) => who !== "anonymous");

/** An unread notification for the client owner. */
async function ownerNotification(world: World): Promise<{ id: string }> {
  const [row] = await db
    .insert(notifications)
    .values({
      userId: world.people.clientOwner.id,
      idempotencyKey: `matrix:${crypto.randomUUID()}`,
      category: "money",
      template: "payment-event",
      title: "Jalon financé",
      link: `/contracts/${world.contract.contractId}`,
    })
    .returning({ id: notifications.id });
  return { id: row!.id };
}

/** An unread notification for every person. */
async function everyoneNotified(world: World): Promise<void> {
  await db.insert(notifications).values(
    Object.values(world.people).map((person) => ({
      userId: person.id,
      idempotencyKey: `matrix:${crypto.randomUUID()}`,
      category: "messages",
      template: "new-message",
      title: "Nouveau message",
      link: "/dashboard",
    })),
  );
}

export const NOTIFICATION_ACTIONS: Record<string, ActionAccess> = {
  "app/notifications/actions.ts#markNotificationReadAction": access<{ id: string }>({
    ok: ["clientOwner"],
    note: "the notification is the owner's: anyone else's attempt finds nothing (not found)",
    prepare: ownerNotification,
    form: ({ prepared }) => ({ id: prepared.id }),
  }),
  "app/notifications/actions.ts#markAllNotificationsReadAction": access({
    ok: signedIn,
    together: true,
    note: "anyone signed in marks their own notifications read",
    prepare: everyoneNotified,
  }),
  "app/notifications/actions.ts#saveNotificationSettingsAction": access({
    ok: signedIn,
    together: true,
    note: "anyone signed in chooses their own emails",
    form: () => ({ email: "bids" }),
  }),
};
