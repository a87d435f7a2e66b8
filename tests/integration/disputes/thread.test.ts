import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { attachments, disputeMessages, disputes, emailOutbox, users } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { getDisputeCase } from "@/lib/disputes/queries";
import { declareReadyForDecision, postDisputeMessage } from "@/lib/disputes/thread";
import { openDispute, settleDispute } from "@/lib/payments/disputes";
import { endResponseWindow } from "../../helpers/disputes";
import { makeCompleteExpert, pdfBytes } from "../../helpers/experts";
import { enablePayouts, fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { makeOrganization, makeUser } from "../../helpers/factories";

const statement = "Les sauvegardes ne tournent que sur une boutique sur deux depuis la livraison.";
const note = "Les deux parties ont été entendues : partage.";

async function openedDispute() {
  const contract = await makeActiveContract({ withMember: true });
  const [milestoneId] = contract.milestoneIds as [string];
  await enablePayouts(contract.expert);
  await fundMilestone(contract.owner, milestoneId);
  await db.update(users).set({ locale: "en" }).where(eq(users.id, contract.expert.id));
  const opened = await openDispute(contract.owner, { milestoneId, reason: "not_as_agreed", text: statement, file: { name: "journal.pdf", bytes: pdfBytes("journal") } });
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  const admin = await makeUser("admin");
  return { ...contract, member: contract.member!, milestoneId, admin, disputeId: opened.value.disputeId };
}

async function outsiders() {
  const otherExpert = (await makeCompleteExpert()).actor;
  const otherClient = await makeUser("client");
  await makeOrganization(otherClient);
  return { otherExpert, otherClient };
}

describe("a dispute heard on both sides", () => {
  it("opens a thread with the client's statement and file, and emails the expert in his language with the response window", async () => {
    const { expert, owner, disputeId } = await openedDispute();
    const [dispute] = await db.select().from(disputes).where(eq(disputes.id, disputeId));
    const days = (dispute!.responseDueAt!.getTime() - dispute!.createdAt.getTime()) / 86_400_000;
    expect(days).toBe(5);
    const thread = await db.select().from(disputeMessages).where(eq(disputeMessages.disputeId, disputeId));
    expect(thread).toMatchObject([{ side: "client", body: statement, authorId: owner.id }]);
    const files = await db.select().from(attachments).where(eq(attachments.disputeMessageId, thread[0]!.id));
    expect(files).toMatchObject([{ originalName: "journal.pdf", mimeType: "application/pdf" }]);
    const [mail] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, expert.email), like(emailOutbox.subject, "%Dispute opened%")));
    expect(mail?.text).toContain("5 days to answer");
    expect(mail?.text).toContain(`/disputes/${disputeId}`);
  });

  it("refuses settlement inside the response window, with a translated error; both sides ready lifts it; a new message from one side lifts the other's readiness", async () => {
    const { owner, expert, admin, disputeId } = await openedDispute();
    const settle = () => settleDispute(admin, { disputeId, outcome: "split", refund: "300", note });
    expect(await settle()).toEqual({ ok: false, error: "response_window" });

    expect(await declareReadyForDecision(owner, { disputeId })).toEqual({ ok: true, value: { bothReady: false } });
    expect(await settle()).toEqual({ ok: false, error: "response_window" });
    const answered = await postDisputeMessage(expert, { disputeId, body: "Le second site n’avait pas de réseau le jour J.", file: { name: "photo.png", bytes: Buffer.from("89504e470d0a1a0a0000", "hex") } });
    expect(answered.ok).toBe(true);
    // The expert's message lifted the client's readiness: the client may answer it first.
    expect(await declareReadyForDecision(expert, { disputeId })).toEqual({ ok: true, value: { bothReady: false } });
    expect(await settle()).toEqual({ ok: false, error: "response_window" });
    expect(await declareReadyForDecision(owner, { disputeId })).toEqual({ ok: true, value: { bothReady: true } });
    const [ready] = await db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, `disputeReady:${disputeId}:${admin.id}`));
    expect(ready?.subject).toContain("prêt à trancher");

    expect(await settle()).toEqual({ ok: true, value: undefined });
    expect(await postDisputeMessage(owner, { disputeId, body: "Encore un mot." })).toEqual({ ok: false, error: "closed" });
    expect(await declareReadyForDecision(expert, { disputeId })).toEqual({ ok: false, error: "closed" });
  });

  it("the end of the response window lets an admin decide without anyone's agreement", async () => {
    const { admin, disputeId } = await openedDispute();
    expect((await settleDispute(admin, { disputeId, outcome: "refund", note })).ok).toBe(false);
    await endResponseWindow(disputeId);
    expect(await settleDispute(admin, { disputeId, outcome: "refund", note })).toEqual({ ok: true, value: undefined });
  });

  it("the thread: the client's members, the expert and admins write and read; other experts, other clients and anonymous visitors are refused", async () => {
    const { owner, member, expert, admin, disputeId } = await openedDispute();
    const { otherExpert, otherClient } = await outsiders();
    for (const who of [owner, member, expert, admin]) {
      expect((await postDisputeMessage(who, { disputeId, body: `Message de ${who.email}` })).ok).toBe(true);
      expect((await getDisputeCase(who, disputeId))?.thread.length).toBeGreaterThan(1);
    }
    for (const who of [otherExpert, otherClient]) {
      await expect(postDisputeMessage(who, { disputeId, body: "Je m’en mêle." })).rejects.toBeInstanceOf(PolicyError);
      await expect(declareReadyForDecision(who, { disputeId })).rejects.toBeInstanceOf(PolicyError);
      await expect(getDisputeCase(who, disputeId)).rejects.toBeInstanceOf(PolicyError);
    }
    await expect(postDisputeMessage(null, { disputeId, body: "Anonyme." })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(getDisputeCase(null, disputeId)).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await declareReadyForDecision(admin, { disputeId })).toEqual({ ok: false, error: "not_a_party" });
    expect(await settleDispute(owner, { disputeId, outcome: "refund", note }).catch((e: unknown) => e)).toBeInstanceOf(PolicyError);
    expect(await settleDispute(expert, { disputeId, outcome: "release", note }).catch((e: unknown) => e)).toBeInstanceOf(PolicyError);
    const count = await db.select().from(disputeMessages).where(eq(disputeMessages.disputeId, disputeId));
    expect(count).toHaveLength(5);
  });

  it("refuses an empty message and a bad file with field errors, and keeps nothing", async () => {
    const { expert, disputeId } = await openedDispute();
    expect(await postDisputeMessage(expert, { disputeId, body: " ", file: { name: "devis.pdf", bytes: new TextEncoder().encode("<html>pas un pdf</html>") } })).toEqual({
      ok: false,
      error: "invalid",
      fields: { body: "required", file: "attachmentType" },
    });
    expect(await db.select().from(disputeMessages).where(eq(disputeMessages.disputeId, disputeId))).toHaveLength(1);
  });
});
