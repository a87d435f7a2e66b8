import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { getMailboxEmail, listMailbox } from "@/lib/email/mailbox";
import { sendEmail } from "@/lib/email/send-email";
import { resetEnvCache } from "@/lib/env";

afterEach(() => {
  delete process.env.COMPAGNON_DEMO;
  delete process.env.RESEND_API_KEY;
  resetEnvCache();
});

function setEnv(values: Record<string, string>) {
  Object.assign(process.env, values);
  resetEnvCache();
}

const isNotFound = (error: unknown) => !!(error as { digest?: string }).digest?.startsWith("NEXT_HTTP_ERROR_FALLBACK;404");

describe("local demo mailbox", () => {
  it("lists and opens outbox emails in demo mode, with their links", async () => {
    setEnv({ COMPAGNON_DEMO: "1" });
    await sendEmail(db, {
      template: "sign-in",
      to: "claire@example.test",
      idempotencyKey: "mailbox-1",
      props: { locale: "fr", url: "http://localhost:3000/api/auth/callback/email?token=t1&email=claire%40example.test", expiresInMinutes: 30 },
    });
    const list = await listMailbox({ to: "claire@" });
    expect(list).toHaveLength(1);
    expect(list[0]?.subject).toBe("Votre lien de connexion à Compagnon");
    expect(await listMailbox({ to: "nobody@" })).toHaveLength(0);
    const email = await getMailboxEmail(list[0]?.id ?? "");
    expect(email?.links).toEqual(["http://localhost:3000/api/auth/callback/email?token=t1&email=claire%40example.test"]);
  });

  it("answers 404 outside demo mode", async () => {
    await expect(listMailbox({})).rejects.toSatisfy(isNotFound);
    await expect(getMailboxEmail("00000000-0000-0000-0000-000000000000")).rejects.toSatisfy(isNotFound);
  });

  it("answers 404 in demo mode too as soon as a mail provider is configured", async () => {
    setEnv({ COMPAGNON_DEMO: "1", RESEND_API_KEY: "re_live_key" });
    await expect(listMailbox({})).rejects.toSatisfy(isNotFound);
  });
});
