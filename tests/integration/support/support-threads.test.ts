import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailOutbox, supportThreads } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { listMySupportThreads, listSupportThreads, readSupportThread } from "@/lib/support/queries";
import { closeSupportThread, CONTACT_LIMIT_PER_EMAIL, CONTACT_LIMIT_PER_IP, openSupportThread, replyToSupportThread } from "@/lib/support/threads";
import { makeUser } from "../../helpers/factories";

const visitorInput = {
  name: "Nadia Visiteuse",
  email: "nadia@example.test",
  topic: "question" as const,
  subject: "Trouver un expert Dolibarr",
  body: "Bonjour, je cherche un expert pour installer Dolibarr dans mon cabinet.",
};

async function emailsTo(to: string) {
  return db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(emailOutbox.createdAt);
}

function keyOf(html: string): string {
  const href = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&")).find((h) => h.includes("/support/"));
  return new URL(href!).searchParams.get("key") ?? "";
}

describe("contact form and support threads", () => {
  it("a visitor writes; admins are told; the visitor's emailed link opens the thread, a wrong or old one does not", async () => {
    const admin = await makeUser("admin");
    const opened = await openSupportThread(null, { ...visitorInput, email: " Nadia@Example.test " }, { ip: "203.0.113.7", locale: "en" });
    if (!opened.ok) throw new Error(opened.error);
    const { threadId } = opened.value;

    const [received] = await emailsTo("nadia@example.test");
    expect(received?.template).toBe("support-event");
    expect(received?.subject).toContain("Trouver un expert Dolibarr");
    expect(received?.locale).toBe("en");
    expect(received?.text).not.toContain("cabinet"); // the message itself never travels by email
    const firstKey = keyOf(received!.html);
    expect(firstKey.length).toBeGreaterThan(20);
    const [toAdmin] = await emailsTo(admin.email);
    expect(toAdmin?.html).toContain(`/admin/support/${threadId}`);

    const seen = await readSupportThread(null, { threadId, key: firstKey });
    expect(seen?.side).toBe("requester");
    expect(seen?.messages.map((m) => m.body)).toEqual([visitorInput.body]);
    expect(seen?.thread).not.toHaveProperty("accessKeyHash");
    await expect(readSupportThread(null, { threadId, key: "wrong-key" })).rejects.toThrow(PolicyError);
    await expect(readSupportThread(await makeUser("client"), { threadId })).rejects.toThrow(PolicyError);

    // The admin answers: the visitor gets a new link, and the first one stops working.
    expect(await replyToSupportThread(admin, { threadId, body: "Bonjour, publiez votre besoin : les experts Dolibarr vérifiés vous répondront." })).toEqual({ ok: true, value: { side: "platform" } });
    const [, answered] = await emailsTo("nadia@example.test");
    const secondKey = keyOf(answered!.html);
    expect(secondKey).not.toBe(firstKey);
    await expect(readSupportThread(null, { threadId, key: firstKey })).rejects.toThrow(PolicyError);
    const [row] = await db.select().from(supportThreads).where(eq(supportThreads.id, threadId));
    expect(row?.status).toBe("answered");

    // The visitor answers with the new link: admins are told, the thread waits for them again.
    expect(await replyToSupportThread(null, { threadId, key: secondKey, body: "Merci !" })).toEqual({ ok: true, value: { side: "requester" } });
    const toAdminAgain = await emailsTo(admin.email);
    expect(toAdminAgain.map((m) => m.subject)).toHaveLength(2);
    const [reopened] = await db.select().from(supportThreads).where(eq(supportThreads.id, threadId));
    expect(reopened?.status).toBe("open");
    const forAdmin = await readSupportThread(admin, { threadId });
    expect(forAdmin?.messages.map((m) => [m.fromPlatform, m.adminName !== null])).toEqual([[false, false], [true, true], [false, false]]);
  });

  it("a signed-in person writes under their account: their address, not a typed one; their own list", async () => {
    const client = await makeUser("client", { name: "Claire Client" });
    const opened = await openSupportThread(client, { ...visitorInput, name: "", email: "someone-else@example.test" }, { ip: null, locale: "fr" });
    if (!opened.ok) throw new Error(opened.error);
    expect(await emailsTo("someone-else@example.test")).toEqual([]);
    const [mail] = await emailsTo(client.email);
    expect(mail?.html).toContain(`/support/${opened.value.threadId}"`); // no key: the page is behind sign-in
    expect((await listMySupportThreads(client)).map((t) => [t.id, t.requesterName])).toEqual([[opened.value.threadId, "Claire Client"]]);
    expect(await listMySupportThreads(await makeUser("expert"))).toEqual([]);
    await expect(listMySupportThreads(null)).rejects.toThrow(PolicyError);
  });

  it("refuses bad input with field errors and stops a flood per address and per IP", async () => {
    const bad = await openSupportThread(null, { name: "N", email: "not-an-email", topic: "nope" as never, subject: "", body: "court" }, { ip: "198.51.100.1", locale: "fr" });
    expect(bad).toMatchObject({ ok: false, error: "invalid", fields: { name: "nameLength", email: "emailInvalid", topic: "required", subject: "required", body: "supportMessageShort" } });
    for (let i = 0; i < CONTACT_LIMIT_PER_EMAIL; i += 1) {
      expect((await openSupportThread(null, { ...visitorInput, email: "same@example.test" }, { ip: `198.51.100.${10 + i}`, locale: "fr" })).ok).toBe(true);
    }
    expect(await openSupportThread(null, { ...visitorInput, email: "same@example.test" }, { ip: "198.51.100.99", locale: "fr" })).toEqual({ ok: false, error: "rate_limited" });
    for (let i = 0; i < CONTACT_LIMIT_PER_IP; i += 1) {
      expect((await openSupportThread(null, { ...visitorInput, email: `flood${i}@example.test` }, { ip: "198.51.100.2", locale: "fr" })).ok).toBe(true);
    }
    expect(await openSupportThread(null, { ...visitorInput, email: "flood-last@example.test" }, { ip: "198.51.100.2", locale: "fr" })).toEqual({ ok: false, error: "rate_limited" });
  });

  it("only admins list and close threads; the person may still write, which reopens it", async () => {
    const admin = await makeUser("admin");
    const client = await makeUser("client");
    const opened = await openSupportThread(client, visitorInput, { ip: null, locale: "fr" });
    if (!opened.ok) throw new Error(opened.error);
    const threadId = opened.value.threadId;
    for (const denied of [null, client, await makeUser("expert")]) {
      await expect(listSupportThreads(denied)).rejects.toThrow(PolicyError);
    }
    await expect(closeSupportThread(client, { threadId })).rejects.toThrow(PolicyError);
    await expect(closeSupportThread({ ...admin, secondFactor: null }, { threadId })).rejects.toThrow(PolicyError);
    expect((await listSupportThreads(admin, { status: "open" })).map((t) => t.id)).toContain(threadId);
    expect(await closeSupportThread(admin, { threadId })).toEqual({ ok: true, value: undefined });
    expect(await closeSupportThread(admin, { threadId })).toEqual({ ok: false, error: "already" });
    expect((await replyToSupportThread(client, { threadId, body: "Une dernière question" })).ok).toBe(true);
    const [row] = await db.select().from(supportThreads).where(and(eq(supportThreads.id, threadId)));
    expect(row?.status).toBe("open");
    expect(await replyToSupportThread(admin, { threadId: "00000000-0000-4000-8000-000000000000", body: "x" })).toEqual({ ok: false, error: "not_found" });
    expect(await replyToSupportThread(admin, { threadId, body: "   " })).toMatchObject({ ok: false, error: "invalid", fields: { body: "required" } });
  });
});
