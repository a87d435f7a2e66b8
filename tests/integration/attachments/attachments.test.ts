import { readdir } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { attachments } from "@/db/schema";
import { getAttachmentForDownload } from "@/lib/attachments/download";
import { checkAttachment, insertAttachment, withStoredFile } from "@/lib/attachments/store";
import { PolicyError } from "@/lib/auth/policy";
import { withdrawBid } from "@/lib/bids/expert-bids";
import { postMessage } from "@/lib/conversations/messages";
import { markDelivered } from "@/lib/payments/delivery";
import { MAX_ATTACHMENT_BYTES } from "@/lib/http/request-limits";
import { makeBid } from "../../helpers/bids";
import { fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { makeCompleteExpert, pdfBytes } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";
import { docxBytes, odsBytes } from "../../helpers/zip";

/** The attachment files in private storage (on disk in tests). */
async function storedFiles(): Promise<string[]> {
  return readdir(path.join(process.env.COMPAGNON_DATA_DIR ?? ".data", "uploads", "attachment")).catch(() => []);
}

async function outsiders() {
  const otherExpert = (await makeCompleteExpert()).actor;
  const otherClient = await makeUser("client");
  await makeOrganization(otherClient);
  return { otherExpert, otherClient, admin: await makeUser("admin") };
}

describe("attachments", () => {
  it("a delivery's file: its parties and admins download it as an attachment; other experts, other clients and anonymous visitors are refused", async () => {
    const flow = await makeActiveContract({ withMember: true });
    const [milestoneId] = flow.milestoneIds as [string];
    await fundMilestone(flow.owner, milestoneId);
    expect((await markDelivered(flow.expert, { milestoneId, note: "Procédure de restauration jointe.", file: { name: "procédure.odt.pdf", bytes: docxBytes() } })).ok).toBe(true);
    const [file] = await db.select().from(attachments).where(eq(attachments.deliveryMilestoneId, milestoneId));
    expect(file).toMatchObject({ originalName: "procédure.odt.docx", uploadedById: flow.expert.id });
    const { otherExpert, otherClient, admin } = await outsiders();
    for (const who of [flow.owner, flow.member!, flow.expert, admin]) {
      const found = await getAttachmentForDownload(who, file!.id);
      expect(Buffer.from(found.bytes).equals(Buffer.from(docxBytes()))).toBe(true);
    }
    for (const who of [otherExpert, otherClient]) await expect(getAttachmentForDownload(who, file!.id)).rejects.toBeInstanceOf(PolicyError);
    await expect(getAttachmentForDownload(null, file!.id)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(getAttachmentForDownload(flow.owner, "not-an-id")).rejects.toBeInstanceOf(PolicyError);
  });

  it("a message's file: the bid's expert, the job's organisation and admins only", async () => {
    const owner = await makeUser("client");
    await makeOrganization(owner);
    const { expert, bidId } = await makeBid(await makeJob(owner));
    const sent = await postMessage(owner, { bidId, body: "Voici notre inventaire.", file: { name: "inventaire.ods", bytes: odsBytes() } });
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    const [file] = await db.select().from(attachments).where(eq(attachments.messageId, sent.value.messageId));
    expect(file?.mimeType).toBe("application/vnd.oasis.opendocument.spreadsheet");
    const { otherExpert, otherClient, admin } = await outsiders();
    for (const who of [owner, expert, admin]) expect((await getAttachmentForDownload(who, file!.id)).file.id).toBe(file!.id);
    for (const who of [otherExpert, otherClient]) await expect(getAttachmentForDownload(who, file!.id)).rejects.toBeInstanceOf(PolicyError);
    // Admins read conversations but do not write in them, with or without a file.
    await expect(postMessage(admin, { bidId, body: "Bonjour", file: { name: "a.pdf", bytes: pdfBytes() } })).rejects.toBeInstanceOf(PolicyError);
  });

  it("refuses a renamed file and a file over 25 MB with field errors, and stores nothing", async () => {
    const flow = await makeActiveContract();
    const [milestoneId] = flow.milestoneIds as [string];
    await fundMilestone(flow.owner, milestoneId);
    const before = await storedFiles();
    const renamed = await markDelivered(flow.expert, { milestoneId, note: "Script d’installation.", file: { name: "installation.pdf", bytes: new TextEncoder().encode("#!/bin/sh\necho installé\n") } });
    expect(renamed).toEqual({ ok: false, error: "invalid", fields: { file: "attachmentType" } });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(pdfBytes());
    expect(await markDelivered(flow.expert, { milestoneId, note: "Le gros rapport.", file: { name: "rapport.pdf", bytes: big } })).toEqual({ ok: false, error: "invalid", fields: { file: "attachmentTooLarge" } });
    expect(await storedFiles()).toEqual(before);
    expect(await db.select().from(attachments).where(eq(attachments.deliveryMilestoneId, milestoneId))).toHaveLength(0);
  });

  it("writes the file before the transaction and removes it when the message is refused or its insert fails", async () => {
    const owner = await makeUser("client");
    await makeOrganization(owner);
    const { expert, bidId } = await makeBid(await makeJob(owner));
    expect((await withdrawBid(expert, bidId)).ok).toBe(true);
    const before = await storedFiles();
    expect(await postMessage(owner, { bidId, body: "Dommage.", file: { name: "a.pdf", bytes: pdfBytes() } })).toEqual({ ok: false, error: "read_only" });
    expect(await storedFiles()).toEqual(before);

    const checked = checkAttachment({ name: "b.pdf", bytes: pdfBytes() });
    if (!checked.ok || !checked.file) throw new Error("not accepted");
    let seen: string[] = [];
    // The file is there while the transaction runs; an insert that throws removes it.
    await expect(
      withStoredFile(checked.file, async (stored) => {
        seen = await storedFiles();
        await db.transaction((tx) => insertAttachment(tx, stored, { messageId: crypto.randomUUID() }, owner.id));
        return { ok: true as const, value: undefined };
      }),
    ).rejects.toThrow();
    expect(seen.length).toBe(before.length + 1);
    expect(await storedFiles()).toEqual(before);
  });

  it("an outsider's file never reaches storage", async () => {
    const flow = await makeActiveContract();
    const [milestoneId] = flow.milestoneIds as [string];
    await fundMilestone(flow.owner, milestoneId);
    const { otherExpert } = await outsiders();
    const before = await storedFiles();
    await expect(markDelivered(otherExpert, { milestoneId, note: "Je livre à sa place.", file: { name: "a.pdf", bytes: pdfBytes() } })).rejects.toBeInstanceOf(PolicyError);
    expect(await storedFiles()).toEqual(before);
  });
});
