import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, newVisitor, launchBrowserPerFile } from "./support/browser";

launchBrowserPerFile();

async function mailboxCount(page: Page, email: string): Promise<number> {
  await page.goto(`${baseUrl}/dev/mailbox?to=${encodeURIComponent(email)}`);
  return page.locator("table tbody tr").count();
}

describe.skipIf(!e2eEnabled)("account suspension", () => {
  it("ends a signed-in person's access at their next request", async () => {
    const member = await newVisitor("fr-FR");
    await new SignInFlow(member.page).signIn(demoAccounts.clientMember.email);
    await member.page.waitForURL(/\/dashboard/);
    await member.page.getByRole("heading", { name: /Boulangerie Martin SARL/ }).waitFor();

    const admin = await newVisitor("en-US");
    await new SignInFlow(admin.page).signIn(demoAccounts.admin.email, "/admin");
    await admin.page.waitForURL(/\/admin/);
    const row = admin.page.getByRole("row").filter({ hasText: demoAccounts.clientMember.email });
    await row.getByRole("button", { name: "Suspend" }).click();
    await row.getByText("Explain the reason in a few words").waitFor();
    await row.getByLabel(/Reason/).fill("Compte compromis, à vérifier");
    await row.getByRole("button", { name: "Suspend" }).click();
    await row.getByText("Account suspended").waitFor();
    await admin.screenshot("20-admin-suspended");

    await member.page.goto(`${baseUrl}/dashboard`);
    await member.page.waitForURL(/\/signin/);
    await member.page.getByRole("heading", { name: "Se connecter" }).waitFor();

    // A suspended account gets no new link, and the form does not say so (no account probing):
    // the address's owner is told by email that the account is suspended, and why.
    const mailsBefore = await mailboxCount(member.page, demoAccounts.clientMember.email);
    await member.page.goto(`${baseUrl}/signin`);
    await member.page.locator('main input[name="email"]').fill(demoAccounts.clientMember.email);
    await member.page.locator('main form button[type="submit"]').click();
    await member.page.waitForURL(/\/signin\/check-email/);
    expect(await mailboxCount(member.page, demoAccounts.clientMember.email)).toBe(mailsBefore + 1);
    const newest = member.page.locator("table tbody tr").first();
    expect(await newest.textContent()).toContain("Votre compte Compagnon est suspendu");
    await newest.getByRole("link").first().click();
    const email = member.page.frameLocator("iframe");
    await email.getByText("Compte compromis, à vérifier").waitFor();
    expect(await email.locator("a[href*='/api/auth/callback']").count()).toBe(0);
    await member.screenshot("21-suspended-signin-fr");

    await member.context.close();
    await admin.context.close();
  });
});

describe.skipIf(!e2eEnabled)("ADMIN_EMAILS", () => {
  it("makes a listed address an admin at its first sign-in", async () => {
    const ops = await newVisitor("en-US");
    await new SignInFlow(ops.page).signIn("ops@example.test", "/admin");
    await ops.page.waitForURL(/\/admin/);
    await ops.page.getByRole("heading", { level: 1, name: "Administration" }).waitFor();
    await ops.context.close();
  });
});
