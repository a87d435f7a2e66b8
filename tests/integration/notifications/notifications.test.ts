import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailOutbox, notifications } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { postMessage } from "@/lib/conversations/messages";
import { sendEmail } from "@/lib/email/send-email";
import { listMyNotifications, markAllNotificationsRead, markNotificationRead, NOTIFICATIONS_PER_PAGE, safeInAppPath, unreadNotificationCount } from "@/lib/notifications/inbox";
import { inAppLink } from "@/lib/notifications/record";
import { myNotificationSettings, saveNotificationSettings } from "@/lib/notifications/settings";
import { eraseAccount } from "@/lib/accounts/erase";
import { collectPersonData } from "@/lib/privacy/collect";
import { makeScene, setLocale, type Scene } from "../conversations/scene";

let scene: Scene;
beforeEach(async () => {
  scene = await makeScene();
});

const notificationsOf = (userId: string, category?: string) =>
  db
    .select()
    .from(notifications)
    .where(category ? and(eq(notifications.userId, userId), eq(notifications.category, category)) : eq(notifications.userId, userId));

const mailsTo = (address: string, template: string) =>
  db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.template, template), eq(emailOutbox.toAddress, address)));

async function expertWrites(body = "Bonjour, je peux commencer lundi.") {
  const result = await postMessage(scene.expert, { bidId: scene.bidId, body });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
}

/** A money email (a milestone funded) to `to`, as lib/payments/notify sends it. */
function moneyEmail(to: string, key: string) {
  return sendEmail(db, {
    template: "payment-event",
    to,
    idempotencyKey: key,
    props: { locale: "fr", event: "milestoneFunded", jobTitle: "Installer Nextcloud", milestoneTitle: "Installation", amountCents: 240_000, url: `http://localhost:3000/contracts/c1` },
  });
}

describe("an emailed event notifies its recipients in the app", () => {
  it("the expert's message notifies each member of the client, in their language, with the link; no one else", async () => {
    const member = await setLocale(scene.member, "en");
    await expertWrites();
    const link = `/jobs/${scene.jobId}/bids/${scene.bidId}`;
    const [toOwner] = await notificationsOf(scene.owner.id, "messages");
    const [toMember] = await notificationsOf(member.id, "messages");
    expect(toOwner).toMatchObject({ template: "new-message", link, readAt: null, title: "Nouveau message au sujet de « Installer Nextcloud pour nos deux boutiques »" });
    expect(toMember).toMatchObject({ link, title: "New message about “Installer Nextcloud pour nos deux boutiques”" });
    for (const other of [scene.expert, scene.otherExpert, scene.outsider, scene.admin, scene.noRole]) {
      expect(await notificationsOf(other.id, "messages"), other.email).toHaveLength(0);
    }
  });

  it("the same event sent twice notifies once", async () => {
    await moneyEmail(scene.owner.email, "payment:twice");
    await moneyEmail(scene.owner.email, "payment:twice");
    expect(await notificationsOf(scene.owner.id, "money")).toHaveLength(1);
  });

  it("sign-in links and invitations never become notifications; an address with no account gets the email only", async () => {
    await sendEmail(db, {
      template: "sign-in",
      to: scene.owner.email,
      idempotencyKey: "sign-in:owner",
      props: { locale: "fr", url: "http://localhost:3000/api/auth/callback/email?token=secret", expiresInMinutes: 30 },
    });
    await sendEmail(db, {
      template: "invitation",
      to: scene.member.email,
      idempotencyKey: "invitation:member",
      props: { locale: "fr", url: "http://localhost:3000/invitations/secret", organizationName: "X", inviterName: "Claire", role: "member", expiresInDays: 7 },
    });
    const sent = await moneyEmail("nobody@example.test", "payment:nobody");
    expect(sent.created).toBe(true);
    const all = await db.select({ template: notifications.template }).from(notifications);
    expect(all.map((n) => n.template)).not.toContain("sign-in");
    expect(all.map((n) => n.template)).not.toContain("invitation");
    expect((await db.select().from(notifications).where(eq(notifications.idempotencyKey, "payment:nobody")))).toHaveLength(0);
  });
});

describe("notification settings", () => {
  it("a category turned off sends no email but still notifies; a money email cannot be turned off", async () => {
    // Claire unticks everything, money included (a hand-made form): only optional ones go off.
    await saveNotificationSettings(scene.owner, { emailed: ["money", "security"] });
    await expertWrites();
    expect(await mailsTo(scene.owner.email, "new-message")).toHaveLength(0);
    expect(await notificationsOf(scene.owner.id, "messages")).toHaveLength(1);
    expect(await mailsTo(scene.member.email, "new-message")).toHaveLength(1);

    const money = await moneyEmail(scene.owner.email, "payment:locked");
    expect(money.created).toBe(true);
    expect(await mailsTo(scene.owner.email, "payment-event")).toHaveLength(1);
    expect(await notificationsOf(scene.owner.id, "money")).toHaveLength(1);

    const settings = await myNotificationSettings(scene.owner);
    expect(settings.find((s) => s.category === "messages")).toEqual({ category: "messages", email: false, lockedReason: null });
    expect(settings.find((s) => s.category === "money")).toEqual({ category: "money", email: true, lockedReason: "money" });
    expect(settings.find((s) => s.category === "security")).toEqual({ category: "security", email: true, lockedReason: "security" });
  });

  it("turned back on, the email is sent again; another person's settings are untouched", async () => {
    await saveNotificationSettings(scene.owner, { emailed: [] });
    await saveNotificationSettings(scene.owner, { emailed: ["messages", "bogus"] });
    await expertWrites();
    expect(await mailsTo(scene.owner.email, "new-message")).toHaveLength(1);
    expect((await myNotificationSettings(scene.member)).every((s) => s.email)).toBe(true);
  });

  it("refuses an anonymous visitor", async () => {
    await expect(saveNotificationSettings(null, { emailed: [] })).rejects.toBeInstanceOf(PolicyError);
    await expect(myNotificationSettings(null)).rejects.toBeInstanceOf(PolicyError);
  });
});

describe("reading notifications", () => {
  it("lists one's own newest first, counts the unread, marks one and then all read", async () => {
    await moneyEmail(scene.owner.email, "payment:1");
    await moneyEmail(scene.owner.email, "payment:2");
    await moneyEmail(scene.member.email, "payment:member");
    const before = await unreadNotificationCount(scene.owner.id); // with the scene's "new bid"
    expect(before).toBe(3);
    const list = await listMyNotifications(scene.owner, 1);
    expect(list.items.map((n) => n.id)).toHaveLength(3);
    expect(list.items[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(list.items[2]!.createdAt.getTime());
    expect(list.unread).toBe(3);

    const first = list.items[0]!;
    expect(await markNotificationRead(scene.owner, { id: first.id })).toEqual({ ok: true, value: { id: first.id, link: first.link } });
    expect(await unreadNotificationCount(scene.owner.id)).toBe(2);

    const marked = await markAllNotificationsRead(scene.owner);
    expect(marked).toEqual({ ok: true, value: { marked: 2 } });
    expect(await unreadNotificationCount(scene.owner.id)).toBe(0);
    expect(await unreadNotificationCount(scene.member.id)).toBeGreaterThan(0);
  });

  it("refuses another person's notification as not found, and leaves it unread", async () => {
    await moneyEmail(scene.member.email, "payment:member-only");
    const [theirs] = await db.select().from(notifications).where(eq(notifications.idempotencyKey, "payment:member-only"));
    for (const other of [scene.owner, scene.expert, scene.admin]) {
      expect(await markNotificationRead(other, { id: theirs!.id })).toEqual({ ok: false, error: "not_found" });
    }
    expect(await markNotificationRead(scene.owner, { id: "not-a-uuid" })).toEqual({ ok: false, error: "not_found" });
    await expect(markNotificationRead(null, { id: theirs!.id })).rejects.toBeInstanceOf(PolicyError);
    await expect(listMyNotifications(null, 1)).rejects.toBeInstanceOf(PolicyError);
    const [after] = await db.select().from(notifications).where(eq(notifications.id, theirs!.id));
    expect(after?.readAt).toBeNull();
    expect((await listMyNotifications(scene.owner, 1)).items.map((n) => n.id)).not.toContain(theirs!.id);
  });

  it("pages the list, and a page out of range shows the nearest one", async () => {
    for (let i = 0; i < NOTIFICATIONS_PER_PAGE + 4; i++) await moneyEmail(scene.expert.email, `payment:page:${i}`);
    const page1 = await listMyNotifications(scene.expert, 1);
    const page2 = await listMyNotifications(scene.expert, 2);
    expect(page1.items).toHaveLength(NOTIFICATIONS_PER_PAGE);
    expect(page1.pages).toBe(2);
    expect(page2.items.length).toBeGreaterThanOrEqual(4);
    expect(new Set([...page1.items, ...page2.items].map((n) => n.id)).size).toBe(page1.items.length + page2.items.length);
    expect((await listMyNotifications(scene.expert, 99)).page).toBe(2);
    expect((await listMyNotifications(scene.expert, Number.NaN)).page).toBe(1);
  });
});

describe("personal data", () => {
  it("a person's notifications and settings are in their data export, and go with their account", async () => {
    await moneyEmail(scene.noRole.email, "payment:erased");
    await saveNotificationSettings(scene.noRole, { emailed: [] });
    const collected = await collectPersonData(db, scene.noRole.id);
    expect(collected.sections.notifications).toEqual([expect.objectContaining({ template: "payment-event", link: "/contracts/c1" })]);
    expect(collected.sections.notificationSettings).toContainEqual(expect.objectContaining({ category: "messages", email: false }));

    const erased = await eraseAccount(scene.noRole, { confirmEmail: scene.noRole.email });
    expect(erased.ok).toBe(true);
    expect(await notificationsOf(scene.noRole.id)).toHaveLength(0);
    expect(await myNotificationSettings({ ...scene.noRole })).toSatisfy((s: { email: boolean }[]) => s.every((c) => c.email));
  });
});

describe("links", () => {
  it("keeps only the path of an email's link, and opens nothing outside the app", () => {
    expect(inAppLink("http://localhost:3000/jobs/j1/bids/b1?tab=messages#last")).toBe("/jobs/j1/bids/b1?tab=messages#last");
    expect(inAppLink("not a url")).toBe("/notifications");
    for (const outside of ["//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)"]) expect(safeInAppPath(outside)).toBe("/notifications");
    expect(safeInAppPath("/contracts/c1")).toBe("/contracts/c1");
  });
});

describe("the bell's count", () => {
  it("is one lookup on the partial index of unread notifications", async () => {
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await tx.execute<{ "QUERY PLAN": string }>(
        sql`explain select count(*) from notifications where user_id = ${scene.owner.id}::uuid and read_at is null`,
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("notifications_user_unread_idx");
  });
});
