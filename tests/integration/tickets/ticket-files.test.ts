import { readdir } from "node:fs/promises";
import path from "node:path";
import { and, eq, isNotNull } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { attachments, emailOutbox, retainerTicketMessages } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { getTicket } from "@/lib/tickets/queries";
import { openTicket, postTicketMessage, resolveTicket } from "@/lib/tickets/tickets";
import { GET as download } from "@/app/api/attachments/[id]/route";
import { makeCompleteExpert, pdfBytes } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeRetainerContract } from "../../helpers/retainers";
import { zipBytes } from "../../helpers/zip";

// The route asks `currentActor()` (the Auth.js session) who is signed in; tests say it directly.
vi.mock("@/lib/auth/current-actor", () => ({ currentActor: vi.fn() }));
const signIn = (actor: Actor | null) => vi.mocked(currentActor).mockResolvedValue(actor);
const get = (id: string) => download(new Request(`http://localhost:3000/api/attachments/${id}`), { params: Promise.resolve({ id }) });

const MB = 1024 * 1024;
const png = (size = 64) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
};
/** A PDF of `size` bytes (its header is what is checked). */
const bigPdf = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set(pdfBytes());
  return bytes;
};

/** The attachment files in private storage (on disk in tests). */
async function storedFiles(): Promise<string[]> {
  return readdir(path.join(process.env.COMPAGNON_DATA_DIR ?? ".data", "uploads", "attachment")).catch(() => []);
}

let owner: Actor;
let member: Actor;
let expert: Actor;
let contractId: string;
let otherExpert: Actor;
let otherClient: Actor;
let admin: Actor;

beforeAll(async () => {
  owner = await makeUser("client", { name: "Claire Martin" });
  member = await makeUser("client", { name: "Julien Petit" });
  await makeOrganization(owner, [{ actor: member, role: "member" }]);
  ({ expert, contractId } = await makeRetainerContract({ owner, activate: true }));
  otherExpert = (await makeCompleteExpert()).actor;
  otherClient = await makeUser("client");
  await makeOrganization(otherClient);
  admin = await makeUser("admin");
});

afterEach(() => vi.mocked(currentActor).mockReset());

const ticketInput = (files: { name: string; bytes: Uint8Array }[]) => ({ contractId, title: "Écran de connexion cassé", severity: "high" as const, software: "Nextcloud", description: "Voir la capture.", files });

async function openWith(files: { name: string; bytes: Uint8Array }[], by: Actor = member) {
  const opened = await openTicket(by, ticketInput(files));
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  return opened.value.ticketId;
}

describe("files on a support ticket", () => {
  it("a client member opens a ticket with files; the expert's email counts them without carrying them; the page lists them", async () => {
    const ticketId = await openWith([
      { name: "capture écran.png", bytes: png() },
      { name: "journal.pdf", bytes: pdfBytes("nginx error log") },
    ]);
    const rows = await db.select().from(attachments).where(eq(attachments.ticketId, ticketId));
    expect(rows.map((r) => [r.originalName, r.mimeType, r.uploadedById]).sort()).toEqual([
      ["capture écran.png", "image/png", member.id],
      ["journal.pdf", "application/pdf", member.id],
    ]);
    const [mail] = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.template, "ticket-event"), eq(emailOutbox.toAddress, expert.email), eq(emailOutbox.idempotencyKey, `ticket:opened:${ticketId}:${expert.id}`)));
    expect(mail?.text).toMatch(/2 (fichiers sont joints|files are attached)/);
    expect(mail?.html).not.toContain(rows[0]!.storageKey);
    const view = await getTicket(expert, ticketId);
    expect(view.ticketFiles.map((f) => f.name).sort()).toEqual(["capture écran.png", "journal.pdf"]);
    expect(view.ticketFiles[0]?.href).toMatch(/^\/api\/attachments\/[0-9a-f-]{36}$/);
  });

  it("the expert and a client member answer with files, linked to their message", async () => {
    const ticketId = await openWith([]);
    const answered = await postTicketMessage(expert, { ticketId, body: "Voici la procédure.", files: [{ name: "procédure.pdf", bytes: pdfBytes() }] });
    if (!answered.ok) throw new Error(JSON.stringify(answered));
    const replied = await postTicketMessage(owner, { ticketId, body: "Nouvelle capture.", files: [{ name: "a.png", bytes: png() }, { name: "b.png", bytes: png(80) }] });
    if (!replied.ok) throw new Error(JSON.stringify(replied));
    const view = await getTicket(member, ticketId);
    expect(view.ticketFiles).toEqual([]);
    expect(view.messages.map((m) => m.files.map((f) => f.name))).toEqual([["procédure.pdf"], ["a.png", "b.png"]]);
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, `ticket:clientReplied:${replied.value.messageId}:${expert.id}`));
    expect(mail?.text).toMatch(/2 (fichiers sont joints|files are attached)/);
    // Without files, the email says nothing of them.
    const plain = await postTicketMessage(expert, { ticketId, body: "Merci." });
    if (!plain.ok) throw new Error(JSON.stringify(plain));
    const [quiet] = await db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, `ticket:answered:${plain.value.messageId}:${owner.id}`));
    expect(quiet?.text).not.toMatch(/joint|attached/);
  });

  it("refuses too many, too big, wrong-type and secret-carrying files with a field error, and stores nothing", async () => {
    const before = await storedFiles();
    const refused = async (files: { name: string; bytes: Uint8Array }[]) => openTicket(member, ticketInput(files));
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `c${i}.png`, bytes: png() }));
    expect(await refused(six)).toEqual({ ok: false, error: "invalid", fields: { files: "attachmentTooMany" } });
    expect(await refused([{ name: "gros.pdf", bytes: bigPdf(10 * MB + 1) }])).toEqual({ ok: false, error: "invalid", fields: { files: "attachmentEachTooLarge" } });
    const three = Array.from({ length: 3 }, (_, i) => ({ name: `r${i}.pdf`, bytes: bigPdf(9 * MB) }));
    expect(await refused(three)).toEqual({ ok: false, error: "invalid", fields: { files: "attachmentsTooLarge" } });
    expect(await refused([{ name: "ok.png", bytes: png() }, { name: "install.pdf", bytes: new TextEncoder().encode("#!/bin/sh\nrm -rf /\n") }])).toEqual({ ok: false, error: "invalid", fields: { files: "attachmentType" } });
    expect(await refused([{ name: "page.html", bytes: new TextEncoder().encode("<html><script>alert(1)</script></html>") }])).toEqual({ ok: false, error: "invalid", fields: { files: "attachmentType" } });
    expect(await refused([{ name: "logo.svg", bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') }])).toEqual({ ok: false, error: "invalid", fields: { files: "attachmentType" } });
    expect(await refused([{ name: "config.zip", bytes: zipBytes({ "etc/nginx.conf": "server {}", "home/admin/.ssh/id_ed25519": "key" }) }])).toEqual({ ok: false, error: "invalid", fields: { files: "attachmentSecret" } });
    expect(await refused([{ name: "cert.zip", bytes: zipBytes({ "notes.txt": "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n" }) }])).toEqual({ ok: false, error: "invalid", fields: { files: "attachmentSecret" } });
    const message = await postTicketMessage(member, { ticketId: await openWith([]), body: "Trop.", files: six });
    expect(message).toEqual({ ok: false, error: "invalid", fields: { files: "attachmentTooMany" } });
    expect(await storedFiles()).toEqual(before);
    // An archive of logs is fine.
    const logs = await openWith([{ name: "logs.zip", bytes: zipBytes({ "var/log/nginx/error.log": "upstream timed out" }) }]);
    expect(await db.select().from(attachments).where(eq(attachments.ticketId, logs))).toHaveLength(1);
  });

  it("refuses files from anyone but the parties before storing them, and removes them when the ticket is resolved", async () => {
    const before = await storedFiles();
    const file = [{ name: "a.png", bytes: png() }];
    for (const actor of [expert, admin, otherClient, otherExpert, null]) await expect(openTicket(actor, ticketInput(file))).rejects.toBeInstanceOf(PolicyError);
    const ticketId = await openWith([]);
    for (const actor of [admin, otherClient, otherExpert, null]) await expect(postTicketMessage(actor, { ticketId, body: "Coucou", files: file })).rejects.toBeInstanceOf(PolicyError);
    expect(await storedFiles()).toEqual(before);
    expect((await resolveTicket(expert, { ticketId })).ok).toBe(true);
    expect(await postTicketMessage(owner, { ticketId, body: "Encore ?", files: file })).toEqual({ ok: false, error: "resolved" });
    expect(await storedFiles()).toEqual(before);
    const messageFiles = await db.select().from(attachments).innerJoin(retainerTicketMessages, eq(retainerTicketMessages.id, attachments.ticketMessageId)).where(eq(retainerTicketMessages.ticketId, ticketId));
    expect(messageFiles).toHaveLength(0);
  });

  it("downloads through the route: the parties and admins get an attachment of its real type; anyone else a 404, the anonymous a 401", async () => {
    const ticketId = await openWith([{ name: "capture.png", bytes: png(100) }]);
    const sent = await postTicketMessage(expert, { ticketId, body: "Le rapport.", files: [{ name: "rapport.pdf", bytes: pdfBytes("rapport") }] });
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    const [opening] = await db.select().from(attachments).where(eq(attachments.ticketId, ticketId));
    const [answer] = await db.select().from(attachments).where(and(isNotNull(attachments.ticketMessageId), eq(attachments.ticketMessageId, sent.value.messageId)));
    for (const who of [owner, member, expert, admin]) {
      signIn(who);
      const response = await get(opening!.id);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="capture\.png"/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(png(100));
      const pdf = await get(answer!.id);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
    }
    for (const who of [otherClient, otherExpert]) {
      signIn(who);
      expect((await get(opening!.id)).status).toBe(404);
      expect((await get(answer!.id)).status).toBe(404);
    }
    signIn(null);
    expect((await get(opening!.id)).status).toBe(401);
  });
});
