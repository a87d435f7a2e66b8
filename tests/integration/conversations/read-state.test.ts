import { eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { conversations, messages, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { markConversationRead, postMessage } from "@/lib/conversations/messages";
import { getConversation, unreadConversationsForUser, unreadCountsForBids } from "@/lib/conversations/queries";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";
import { bidOn, makeScene, verifiedExpert, type Scene } from "./scene";


let scene: Scene;
beforeEach(async () => {
  scene = await makeScene();
});

async function post(author: Actor, body: string, bidId = scene.bidId) {
  const result = await postMessage(author, { bidId, body });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result.value;
}

describe("getConversation", () => {
  it("returns the bid and the messages oldest first, with names, sides and the reader's own", async () => {
    await post(scene.owner, "Bonjour, pouvez-vous commencer en janvier ?");
    await post(scene.expert, "Oui, dès le 15.");
    await post(scene.member, "Parfait,\nmerci !");
    const view = await getConversation(scene.expert, scene.bidId);
    expect(view.bid).toMatchObject({ id: scene.bidId, jobId: scene.jobId, status: "submitted", totalCents: 240_000, expertName: "Sophie Bernard", organizationName: scene.organization.legalName });
    expect(view.bid.milestones).toEqual([{ title: "Installation", amountCents: 240_000, dueOn: "2027-01-25" }]);
    expect(view.messages.map(({ body, authorName, authorSide, mine }) => ({ body, authorName, authorSide, mine }))).toEqual([
      { body: "Bonjour, pouvez-vous commencer en janvier ?", authorName: "Claire Martin", authorSide: "client", mine: false },
      { body: "Oui, dès le 15.", authorName: "Sophie Bernard", authorSide: "expert", mine: true },
      { body: "Parfait,\nmerci !", authorName: "Marc Petit", authorSide: "client", mine: false },
    ]);
    const dates = view.messages.map((m) => m.createdAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect((await getConversation(scene.owner, scene.bidId)).messages.map((m) => m.mine)).toEqual([true, false, false]);
  });

  it("tells each side how far the other has read, so that 'Read' can show under the last own message", async () => {
    await post(scene.owner, "Question");
    // Nobody on the expert's side has opened it yet.
    expect((await getConversation(scene.owner, scene.bidId)).otherSideReadAt).toBeNull();
    await markConversationRead(scene.expert, { bidId: scene.bidId });
    const read = await getConversation(scene.owner, scene.bidId);
    const ownLast = read.messages.findLast((m) => m.mine);
    expect(read.otherSideReadAt?.getTime()).toBeGreaterThanOrEqual(ownLast?.createdAt.getTime() ?? Infinity);

    await post(scene.owner, "Une autre question");
    const unread = await getConversation(scene.owner, scene.bidId);
    expect(unread.otherSideReadAt?.getTime()).toBeLessThan(unread.messages.findLast((m) => m.mine)?.createdAt.getTime() ?? 0);

    // For the expert, any member's reading counts; replying also means having read.
    await post(scene.expert, "Réponse");
    expect((await getConversation(scene.expert, scene.bidId)).otherSideReadAt).not.toBeNull();
    await markConversationRead(scene.member, { bidId: scene.bidId });
    const expertView = await getConversation(scene.expert, scene.bidId);
    expect(expertView.otherSideReadAt?.getTime()).toBeGreaterThanOrEqual(expertView.messages.at(-1)?.createdAt.getTime() ?? Infinity);
  });

  it("keeps the messages of a deleted account, without a name", async () => {
    await post(scene.member, "Je quitte l’entreprise demain.");
    await db.delete(users).where(eq(users.id, scene.member.id));
    const [message] = (await getConversation(scene.owner, scene.bidId)).messages;
    expect(message).toMatchObject({ body: "Je quitte l’entreprise demain.", authorName: null, authorSide: null, mine: false });
  });
});

describe("unread counts", () => {
  it("count the messages by others since one's last reading, per bid", async () => {
    const quiet = await bidOn(scene.jobId, await verifiedExpert());
    const elsewhereOwner = await makeUser("client");
    await makeOrganization(elsewhereOwner);
    const hidden = await bidOn(await makeJob(elsewhereOwner), scene.otherExpert);
    const ids = [scene.bidId, quiet, hidden, "junk"];

    await post(scene.expert, "Bonjour");
    await post(scene.expert, "J’ai une question sur le serveur.");
    expect(await unreadCountsForBids(scene.owner, ids)).toEqual({ [scene.bidId]: 2, [quiet]: 0 });
    expect(await unreadCountsForBids(scene.member, ids)).toEqual({ [scene.bidId]: 2, [quiet]: 0 });
    expect(await unreadCountsForBids(scene.expert, ids)).toEqual({ [scene.bidId]: 0 });

    await markConversationRead(scene.owner, { bidId: scene.bidId });
    expect(await unreadCountsForBids(scene.owner, [scene.bidId])).toEqual({ [scene.bidId]: 0 });
    expect(await unreadCountsForBids(scene.member, [scene.bidId])).toEqual({ [scene.bidId]: 2 });

    // A colleague's message is unread for the other members, and for the expert.
    await post(scene.member, "Je vous réponds demain.");
    expect(await unreadCountsForBids(scene.owner, [scene.bidId])).toEqual({ [scene.bidId]: 1 });
    expect(await unreadCountsForBids(scene.member, [scene.bidId])).toEqual({ [scene.bidId]: 0 });
    expect(await unreadCountsForBids(scene.expert, [scene.bidId])).toEqual({ [scene.bidId]: 1 });
    expect(await unreadCountsForBids(scene.expert, [])).toEqual({});
  });

  it("list the conversations with unread messages, most recent first, with the other party's name", async () => {
    const second = await verifiedExpert("Paul Durand");
    const secondBid = await bidOn(scene.jobId, second);
    await post(scene.expert, "Bonjour");
    await post(second, "Bonjour de Paul", secondBid);
    await post(second, "Une précision", secondBid);

    const list = await unreadConversationsForUser(scene.owner);
    expect(list.map(({ bidId, jobId, jobTitle, otherPartyName, unreadCount }) => ({ bidId, jobId, jobTitle, otherPartyName, unreadCount }))).toEqual([
      { bidId: secondBid, jobId: scene.jobId, jobTitle: "Installer Nextcloud pour nos deux boutiques", otherPartyName: "Paul Durand", unreadCount: 2 },
      { bidId: scene.bidId, jobId: scene.jobId, jobTitle: "Installer Nextcloud pour nos deux boutiques", otherPartyName: "Sophie Bernard", unreadCount: 1 },
    ]);
    expect(list[0]?.lastMessageAt).toBeInstanceOf(Date);
    expect(await unreadConversationsForUser(scene.owner, { limit: 1 })).toHaveLength(1);

    await post(scene.owner, "Merci Sophie");
    expect(await unreadConversationsForUser(scene.expert)).toEqual([
      expect.objectContaining({ bidId: scene.bidId, otherPartyName: scene.organization.legalName, unreadCount: 1 }),
    ]);
    await markConversationRead(scene.expert, { bidId: scene.bidId });
    expect(await unreadConversationsForUser(scene.expert)).toEqual([]);
    expect((await unreadConversationsForUser(scene.owner)).map((c) => c.bidId)).toEqual([secondBid]);
  });
});

describe("the first message", () => {
  it("creates the conversation once, even when both sides write first at the same moment", async () => {
    const pairs = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const expert = await verifiedExpert();
        return { expert, bidId: await bidOn(scene.jobId, expert) };
      }),
    );
    const bidIds = pairs.map((p) => p.bidId);
    const results = await Promise.all(
      pairs.flatMap(({ expert, bidId }) => [postMessage(expert, { bidId, body: "Bonjour" }), postMessage(scene.owner, { bidId, body: "Bonjour aussi" })]),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await db.select().from(conversations).where(inArray(conversations.bidId, bidIds));
    expect(rows).toHaveLength(bidIds.length);
    const written = await db.select().from(messages).where(inArray(messages.conversationId, rows.map((r) => r.id)));
    expect(written).toHaveLength(bidIds.length * 2);
    for (const row of rows) {
      const last = Math.max(...written.filter((m) => m.conversationId === row.id).map((m) => m.createdAt.getTime()));
      expect(row.lastMessageAt?.getTime()).toBe(last);
    }
  });
});
