import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { conversations, messages } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { expertResponseMinutes, RESPONSE_TIME_DAYS } from "@/lib/conversations/response-time";
import { makeJob } from "../../helpers/jobs";
import { bidOn, makeScene, verifiedExpert, type Scene } from "./scene";

let scene: Scene;
beforeAll(async () => {
  scene = await makeScene();
});

const minutes = (n: number) => n * 60_000;

/** A conversation on a new bid by `expert`, with messages dated `at` ms before now. */
async function conversationWith(expert: Actor, lines: { author: Actor; at: number }[]) {
  const bidId = await bidOn(await makeJob(scene.owner), expert);
  const [conversation] = await db.insert(conversations).values({ bidId }).returning();
  if (!conversation) throw new Error("no conversation");
  const now = Date.now();
  await db.insert(messages).values(lines.map((line, i) => ({ conversationId: conversation.id, authorId: line.author.id, body: `message ${i}`, createdAt: new Date(now - line.at) })));
}

describe("expertResponseMinutes", () => {
  it("is the median of the minutes from each client message to the expert's next reply", async () => {
    const expert = await verifiedExpert();
    const { owner, member } = scene;
    const day = minutes(24 * 60);
    // One conversation: a question answered after 10 minutes.
    await conversationWith(expert, [
      { author: owner, at: 3 * day },
      { author: expert, at: 3 * day - minutes(10) },
    ]);
    // Another: two questions (30 and 25 minutes before the answer), then an unanswered one.
    await conversationWith(expert, [
      { author: member, at: 2 * day },
      { author: owner, at: 2 * day - minutes(5) },
      { author: expert, at: 2 * day - minutes(30) },
      { author: expert, at: 2 * day - minutes(40) },
      { author: owner, at: minutes(1) },
    ]);
    // Too old to count: answered after 1000 minutes, more than 180 days ago.
    await conversationWith(expert, [
      { author: owner, at: (RESPONSE_TIME_DAYS + 5) * day },
      { author: expert, at: (RESPONSE_TIME_DAYS + 5) * day - minutes(1000) },
    ]);
    // Samples 10, 30, 25 → median 25.
    expect(await expertResponseMinutes(expert.id)).toBe(25);
  });

  it("is null under two answers, and for someone who never answered", async () => {
    const expert = await verifiedExpert();
    expect(await expertResponseMinutes(expert.id)).toBeNull();
    await conversationWith(expert, [
      { author: scene.owner, at: minutes(60) },
      { author: expert, at: minutes(50) },
      { author: scene.owner, at: minutes(40) },
    ]);
    expect(await expertResponseMinutes(expert.id)).toBeNull();
    // The expert's own messages and other experts' conversations do not count.
    await conversationWith(scene.otherExpert, [
      { author: scene.owner, at: minutes(60) },
      { author: scene.otherExpert, at: minutes(58) },
      { author: scene.owner, at: minutes(50) },
      { author: scene.otherExpert, at: minutes(46) },
    ]);
    expect(await expertResponseMinutes(expert.id)).toBeNull();
    expect(await expertResponseMinutes(scene.otherExpert.id)).toBe(3);
    expect(await expertResponseMinutes("junk")).toBeNull();
  });
});
