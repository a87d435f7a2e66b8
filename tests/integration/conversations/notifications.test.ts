import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { conversationParticipants, conversations, emailOutbox } from "@/db/schema";
import { postMessage } from "@/lib/conversations/messages";
import { MESSAGE_EMAIL_WINDOW_MINUTES } from "@/lib/conversations/notify";
import { bidOn, makeScene, setLocale, type Scene } from "./scene";


let scene: Scene;
beforeEach(async () => {
  scene = await makeScene();
});

const mailsTo = (address: string) =>
  db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.template, "new-message"), eq(emailOutbox.toAddress, address)));

async function post(author: Scene["owner"], body: string) {
  const result = await postMessage(author, { bidId: scene.bidId, body });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result.value;
}

/** Moves a recipient's last email back in time, as if it had been sent `minutes` ago. */
async function lastEmailedAgo(userId: string, minutes: number) {
  const [conversation] = await db.select().from(conversations).where(eq(conversations.bidId, scene.bidId));
  await db
    .update(conversationParticipants)
    .set({ lastNotifiedAt: sql`now() - make_interval(mins => ${minutes}::int)` })
    .where(and(eq(conversationParticipants.conversationId, conversation?.id ?? ""), eq(conversationParticipants.userId, userId)));
}

describe("new message emails", () => {
  it("the expert's message emails every member of the client organisation, in their own language, without the message", async () => {
    const member = await setLocale(scene.member, "en");
    const body = "Voici le mot de passe provisoire du serveur : hunter2";
    await post(scene.expert, body);
    const [toOwner] = await mailsTo(scene.owner.email);
    const [toMember] = await mailsTo(member.email);
    expect(toOwner).toMatchObject({ locale: "fr", subject: "Nouveau message au sujet de « Installer Nextcloud pour nos deux boutiques »", sensitive: false });
    expect(toMember).toMatchObject({ locale: "en", subject: "New message about “Installer Nextcloud pour nos deux boutiques”" });
    const url = `http://localhost:3000/jobs/${scene.jobId}/bids/${scene.bidId}`;
    for (const mail of [toOwner, toMember]) {
      expect(mail?.html).toContain(url);
      expect(mail?.text).toContain("Sophie Bernard");
      expect(mail?.html).not.toContain("hunter2");
      expect(mail?.text).not.toContain("hunter2");
    }
    expect(toOwner?.text).toContain("l’expert qui a fait une proposition");
    expect(await mailsTo(scene.expert.email)).toHaveLength(0);
  });

  it("a member's message emails the expert only: not the author, not the colleagues", async () => {
    await post(scene.member, "Pouvez-vous commencer plus tôt ?");
    const [toExpert] = await mailsTo(scene.expert.email);
    expect(toExpert?.text).toContain("Marc Petit");
    expect(toExpert?.text).toContain(scene.organization.legalName);
    expect(toExpert?.text).not.toContain("commencer plus tôt");
    expect(await mailsTo(scene.member.email)).toHaveLength(0);
    expect(await mailsTo(scene.owner.email)).toHaveLength(0);
  });

  it("two messages in a row send one email per recipient", async () => {
    await post(scene.expert, "Premier message");
    await post(scene.expert, "Second message, juste après");
    expect(await mailsTo(scene.owner.email)).toHaveLength(1);
    expect(await mailsTo(scene.member.email)).toHaveLength(1);
  });

  it(`a message after the ${MESSAGE_EMAIL_WINDOW_MINUTES}-minute window sends a second email; within it, none`, async () => {
    await post(scene.owner, "Bonjour");
    await lastEmailedAgo(scene.expert.id, MESSAGE_EMAIL_WINDOW_MINUTES - 1);
    await post(scene.owner, "Encore une question");
    expect(await mailsTo(scene.expert.email)).toHaveLength(1);
    await lastEmailedAgo(scene.expert.id, MESSAGE_EMAIL_WINDOW_MINUTES + 1);
    const third = await post(scene.owner, "Et une dernière");
    const mails = await mailsTo(scene.expert.email);
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.idempotencyKey)).toContain(`message:${third.messageId}:${scene.expert.id}`);
  });

  it("the window is per recipient and per conversation", async () => {
    await post(scene.owner, "Question");
    await post(scene.expert, "Réponse");
    await post(scene.owner, "Merci");
    // The owner's email about the expert's reply does not count against the expert's window, and back.
    expect(await mailsTo(scene.expert.email)).toHaveLength(1);
    expect(await mailsTo(scene.owner.email)).toHaveLength(1);
    expect(await mailsTo(scene.member.email)).toHaveLength(1);
    // Another bid's conversation has a window of its own.
    const otherBid = await bidOn(scene.jobId, scene.otherExpert);
    expect((await postMessage(scene.otherExpert, { bidId: otherBid, body: "Bonjour" })).ok).toBe(true);
    expect(await mailsTo(scene.owner.email)).toHaveLength(2);
  });

  it("an author is never emailed about their own messages, however many they write", async () => {
    for (let i = 0; i < 3; i += 1) {
      await post(scene.expert, `Message ${i}`);
      await lastEmailedAgo(scene.owner.id, 60);
      await lastEmailedAgo(scene.member.id, 60);
    }
    expect(await mailsTo(scene.expert.email)).toHaveLength(0);
    expect(await mailsTo(scene.owner.email)).toHaveLength(3);
  });

  it("concurrent messages to the same recipient still send one email", async () => {
    await Promise.all([post(scene.owner, "Un"), post(scene.member, "Deux"), post(scene.owner, "Trois")]);
    expect(await mailsTo(scene.expert.email)).toHaveLength(1);
  });
});
