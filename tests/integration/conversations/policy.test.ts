import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { conversationParticipants, conversations, messages } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { withdrawBid } from "@/lib/bids/expert-bids";
import { markConversationRead, postMessage } from "@/lib/conversations/messages";
import { getConversation, unreadConversationsForUser, unreadCountsForBids } from "@/lib/conversations/queries";
import { MESSAGE_MAX_LENGTH } from "@/lib/conversations/schemas";
import { bidOn, makeScene, verifiedExpert, type Scene } from "./scene";


let scene: Scene;
beforeAll(async () => {
  scene = await makeScene();
});

const forbidden = new PolicyError("forbidden");
const unauthenticated = new PolicyError("unauthenticated");

function denied(): [string, () => Actor | null, PolicyError][] {
  return [
    ["anonymous", () => null, unauthenticated],
    ["another expert", () => scene.otherExpert, forbidden],
    ["a client of another organisation", () => scene.outsider, forbidden],
    ["a user without a role", () => scene.noRole, forbidden],
  ];
}

describe("postMessage: who may write", () => {
  it("the bid's expert, the job's owner and another member of its organisation write", async () => {
    for (const author of [scene.expert, scene.owner, scene.member]) {
      const result = await postMessage(author, { bidId: scene.bidId, body: `Bonjour de ${author.name}` });
      expect(result).toMatchObject({ ok: true, value: { jobId: scene.jobId } });
    }
    const [conversation] = await db.select().from(conversations).where(eq(conversations.bidId, scene.bidId));
    expect(await db.select().from(messages).where(eq(messages.conversationId, conversation?.id ?? ""))).toHaveLength(3);
  });

  it.each(denied())("refuses %s", async (_label, actor, error) => {
    await expect(postMessage(actor(), { bidId: scene.bidId, body: "Bonjour" })).rejects.toThrow(error);
  });

  it("refuses an admin: admins read, they do not write", async () => {
    await expect(postMessage(scene.admin, { bidId: scene.bidId, body: "Bonjour" })).rejects.toThrow(forbidden);
  });

  it("refuses an unknown or malformed bid id the same way as a bid one may not see", async () => {
    await expect(postMessage(scene.expert, { bidId: "00000000-0000-4000-8000-000000000000", body: "Bonjour" })).rejects.toThrow(forbidden);
    await expect(postMessage(scene.expert, { bidId: "not-a-uuid", body: "Bonjour" })).rejects.toThrow(forbidden);
  });

  it("validates the body: trimmed, 1 to 5000 characters, with field errors", async () => {
    expect(await postMessage(scene.owner, { bidId: scene.bidId, body: "  \n  " })).toEqual({ ok: false, error: "invalid", fields: { body: "required" } });
    expect(await postMessage(scene.owner, { bidId: scene.bidId, body: "x".repeat(MESSAGE_MAX_LENGTH + 1) })).toEqual({
      ok: false,
      error: "invalid",
      fields: { body: "tooLong" },
    });
    const long = await postMessage(scene.owner, { bidId: scene.bidId, body: `  ${"y".repeat(MESSAGE_MAX_LENGTH)}\n ` });
    expect(long.ok).toBe(true);
    const kept = await postMessage(scene.owner, { bidId: scene.bidId, body: "  Première ligne\n\nTroisième <b>ligne</b>  " });
    if (!kept.ok) throw new Error("refused");
    const [row] = await db.select().from(messages).where(eq(messages.id, kept.value.messageId));
    expect(row?.body).toBe("Première ligne\n\nTroisième <b>ligne</b>");
  });
});

describe("reading a conversation", () => {
  it("the expert, every member and an admin (read only) read it", async () => {
    for (const reader of [scene.expert, scene.owner, scene.member]) {
      const view = await getConversation(reader, scene.bidId);
      expect(view.canWrite).toBe(true);
      expect(view.messages.length).toBeGreaterThan(0);
    }
    expect(await getConversation(scene.expert, scene.bidId)).toMatchObject({ side: "expert" });
    expect(await getConversation(scene.member, scene.bidId)).toMatchObject({ side: "client" });
    const asAdmin = await getConversation(scene.admin, scene.bidId);
    expect(asAdmin).toMatchObject({ side: "admin", canWrite: false, otherSideReadAt: null });
    expect(asAdmin.messages.every((m) => !m.mine)).toBe(true);
  });

  it.each(denied())("getConversation refuses %s", async (_label, actor, error) => {
    await expect(getConversation(actor(), scene.bidId)).rejects.toThrow(error);
  });

  it.each(denied())("markConversationRead refuses %s", async (_label, actor, error) => {
    await expect(markConversationRead(actor(), { bidId: scene.bidId })).rejects.toThrow(error);
  });

  it("markConversationRead records the reader; an admin's reading leaves no trace", async () => {
    expect(await markConversationRead(scene.member, { bidId: scene.bidId })).toEqual({ ok: true, value: undefined });
    expect(await markConversationRead(scene.admin, { bidId: scene.bidId })).toEqual({ ok: true, value: undefined });
    const [conversation] = await db.select().from(conversations).where(eq(conversations.bidId, scene.bidId));
    const readers = await db.select().from(conversationParticipants).where(eq(conversationParticipants.conversationId, conversation?.id ?? ""));
    expect(readers.find((r) => r.userId === scene.member.id)?.lastReadAt).toBeInstanceOf(Date);
    expect(readers.find((r) => r.userId === scene.admin.id)).toBeUndefined();
  });

  it("before the first message there is nothing to mark, and an empty thread", async () => {
    const fresh = await bidOn(scene.jobId, await verifiedExpert());
    expect(await markConversationRead(scene.owner, { bidId: fresh })).toEqual({ ok: true, value: undefined });
    expect(await getConversation(scene.owner, fresh)).toMatchObject({ messages: [], otherSideReadAt: null, canWrite: true });
    expect(await db.select().from(conversations).where(eq(conversations.bidId, fresh))).toHaveLength(0);
  });

  it("unread counts and lists need a signed-in user and show only one's own bids", async () => {
    await expect(unreadCountsForBids(null, [scene.bidId])).rejects.toThrow(unauthenticated);
    await expect(unreadConversationsForUser(null)).rejects.toThrow(unauthenticated);
    expect(await unreadCountsForBids(scene.otherExpert, [scene.bidId])).toEqual({});
    expect(await unreadCountsForBids(scene.outsider, [scene.bidId])).toEqual({});
    expect(await unreadCountsForBids(scene.admin, [scene.bidId])).toEqual({});
    expect(await unreadConversationsForUser(scene.otherExpert)).toEqual([]);
    expect(await unreadConversationsForUser(scene.outsider)).toEqual([]);
  });
});

describe("a withdrawn bid", () => {
  it("keeps its conversation readable but closed to new messages", async () => {
    const expert = await verifiedExpert();
    const bidId = await bidOn(scene.jobId, expert);
    expect((await postMessage(scene.owner, { bidId, body: "Pouvez-vous préciser le planning ?" })).ok).toBe(true);
    expect((await withdrawBid(expert, bidId)).ok).toBe(true);
    expect(await postMessage(expert, { bidId, body: "Je retire ma proposition." })).toEqual({ ok: false, error: "read_only" });
    expect(await postMessage(scene.owner, { bidId, body: "Dommage." })).toEqual({ ok: false, error: "read_only" });
    const view = await getConversation(expert, bidId);
    expect(view).toMatchObject({ canWrite: false, bid: { status: "withdrawn" } });
    expect(view.messages.map((m) => m.body)).toEqual(["Pouvez-vous préciser le planning ?"]);
  });
});
