import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { AdminSecondFactor, enrolledSecondFactor, freshTotpCode, rememberRecoveryCodes } from "./pages/AdminSecondFactor";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

const email = demoAccounts.admin.email;
const pathname = (url: string) => new URL(url).pathname;

describe.skipIf(!e2eEnabled)("the admin second factor", () => {
  it("enrols the demo admin with codes computed from the secret on the page, shows recovery codes once, then asks each new session for a code", async () => {
    // 1. First sign-in: the admin is sent to the second factor before any admin page.
    const first = await newVisitor("fr-FR");
    const { page } = first;
    await new SignInFlow(page).signIn(email, "/admin", { secondFactor: false });
    expect(pathname(page.url())).toMatch(/^\/second-factor/);
    for (const adminPath of ["/admin/payments", "/admin/vetting", "/invoices"]) {
      await page.goto(`${baseUrl}${adminPath}`);
      expect(pathname(page.url()), adminPath).toMatch(/^\/second-factor/);
    }
    // The non-admin parts still work for that person.
    expect((await page.goto(`${baseUrl}/account`))?.status()).toBe(200);
    expect(pathname(page.url())).toBe("/account");

    const factor = new AdminSecondFactor(page);
    await page.goto(`${baseUrl}/second-factor?callbackUrl=%2Fadmin`);
    if (!enrolledSecondFactor(email)) {
      // This file ran first: the demo admin enrols here (otherwise another file's sign-in did, with the same page object).
      expect(pathname(page.url())).toBe("/second-factor/enrol");
      await page.getByRole("heading", { level: 1, name: fr.secondFactor.enrolTitle }).waitFor();
      await first.screenshot("fr-80-second-factor-enrol");
      await factor.enrol(email);
      await page.getByText(fr.secondFactor.codesTitle).waitFor();
      await first.screenshot("fr-81-second-factor-recovery-codes");
      await page.getByTestId("recovery-codes-done").click();
    } else {
      await factor.verify(email);
    }
    await page.waitForURL((url) => url.pathname === "/admin");
    await page.getByRole("heading", { level: 1, name: fr.admin.title }).waitFor();

    // 2. A new session (another browser) must pass it again: a wrong code is refused, a right one lets in.
    const second = await newVisitor("en-US");
    await new SignInFlow(second.page).signIn(email, "/admin/disputes", { secondFactor: false });
    expect(pathname(second.page.url())).toBe("/second-factor");
    await second.page.getByRole("heading", { level: 1, name: en.secondFactor.verifyTitle }).waitFor();
    const input = second.page.getByLabel(en.secondFactor.codeLabel);
    expect(await input.getAttribute("inputmode")).toBe("numeric");
    expect(await input.getAttribute("autocomplete")).toBe("one-time-code");
    const enrolled = enrolledSecondFactor(email);
    const current = await generate({ secret: enrolled?.secret ?? "", epoch: Math.floor(Date.now() / 1000) });
    await input.fill(current === "000000" ? "111111" : "000000");
    await input.press("Enter");
    await second.page.getByText(en.secondFactor.error_wrong_code).waitFor();
    await second.screenshot("en-82-second-factor-wrong-code");
    await second.page.getByLabel(en.secondFactor.codeLabel).fill(await freshTotpCode(email));
    await second.page.getByRole("button", { name: en.secondFactor.verify }).first().click();
    await second.page.waitForURL((url) => url.pathname === "/admin/disputes");

    // 3. New recovery codes from the security page; one of them opens a third session, once.
    await second.page.goto(`${baseUrl}/admin/security`);
    await second.page.getByLabel(en.secondFactor.currentCodeLabel).first().fill(await freshTotpCode(email));
    await second.page.getByRole("button", { name: en.secondFactor.regenerate }).click();
    const list = second.page.getByTestId("recovery-codes");
    await list.waitFor();
    const codes = (await list.locator("li").allTextContents()).map((code) => code.trim());
    expect(codes).toHaveLength(10);
    rememberRecoveryCodes(email, codes.slice(1));
    await second.screenshot("en-83-second-factor-new-recovery-codes");

    const third = await newVisitor("en-US");
    await new SignInFlow(third.page).signIn(email, "/admin", { secondFactor: false });
    await third.page.getByText(en.secondFactor.useRecoveryCode).click();
    await third.page.getByLabel(en.secondFactor.recoveryCodeLabel).fill(codes[0] ?? "");
    await third.page.getByRole("button", { name: en.secondFactor.verify }).last().click();
    await third.page.waitForURL((url) => url.pathname === "/admin");

    for (const visitor of [first, second, third]) {
      expect(foreignRequests(visitor)).toEqual([]);
      await visitor.context.close();
    }
  });
});
