/**
 * Regression (trust issue, item 10): a suspended person asking for a sign-in link was told
 * nothing. The form still answers as for anyone; the address's owner is told why, by email.
 */
import { and, count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { suspendUser } from "@/lib/accounts/suspension";
import { makeUser } from "../../helpers/factories";
import { lastEmailTo } from "../../helpers/magic-link";
import { fakeRequest, resetFakeRequest } from "../../helpers/next-headers";

vi.mock("next/headers", () => import("../../helpers/next-headers"));

const { sendMagicLink } = await import("@/lib/auth/magic-link");

afterEach(resetFakeRequest);

describe("a suspended account asking for a sign-in link", () => {
  it("gets no link but an email saying it is suspended, why, and how to reach us; once a day", async () => {
    fakeRequest.headers = new Headers({ host: "localhost:3000", "content-type": "application/x-www-form-urlencoded" });
    const admin = await makeUser("admin");
    const expert = await makeUser("expert", { email: "suspendu@example.test" });
    expect((await suspendUser(admin, { userId: expert.id, reason: "Attestation URSSAF falsifiée" })).ok).toBe(true);

    await expect(sendMagicLink("suspendu@example.test", "/dashboard")).resolves.toBeUndefined();
    const mail = await lastEmailTo("suspendu@example.test");
    expect(mail?.template).toBe("account-suspended");
    expect(mail?.subject).toBe("Votre compte Compagnon est suspendu");
    expect(mail?.text).toContain("Attestation URSSAF falsifiée");
    expect(mail?.html).toContain("http://localhost:3000/legal/notice");
    expect(mail?.html).not.toContain("/api/auth/callback/email");

    await sendMagicLink("suspendu@example.test", "/dashboard");
    const [sent] = await db
      .select({ n: count() })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, "suspendu@example.test"), eq(emailOutbox.template, "account-suspended")));
    expect(sent!.n).toBe(1);
  });

  it("an unknown address still gets its ordinary sign-in link", async () => {
    fakeRequest.headers = new Headers({ host: "localhost:3000", "content-type": "application/x-www-form-urlencoded" });
    await sendMagicLink("inconnu@example.test", "/dashboard");
    expect((await lastEmailTo("inconnu@example.test"))?.template).toBe("sign-in");
  });
});
