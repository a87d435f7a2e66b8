import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

const cases = [
  {
    lang: "fr",
    locale: "fr-FR",
    who: demoAccounts.clientOwner.email,
    bell: /^Notifications(, (\d+) non lues?)?$/,
    contact: { link: "Nous contacter", subject: "Objet", body: "Votre message", send: "Envoyer" },
    subject: "Question sur les notifications",
    markAll: "Tout marquer comme lu",
    allRead: "Tout est lu.",
  },
  {
    lang: "en",
    locale: "en-US",
    who: demoAccounts.clientMember.email,
    bell: /^Notifications(, (\d+) unread)?$/,
    contact: { link: "Contact us", subject: "Subject", body: "Your message", send: "Send" },
    subject: "A question about notifications",
    markAll: "Mark all as read",
    allRead: "All read.",
  },
] as const;

describe.skipIf(!e2eEnabled).each(cases)("notification centre in $lang", (c) => {
  it("an event adds one to the bell, the page lists it with its link, mark all read empties the bell", async () => {
    const visitor = await newVisitor(c.locale);
    const { page } = visitor;
    await new SignInFlow(page).signIn(c.who, "/dashboard");
    const bell = page.getByRole("banner").getByRole("link", { name: c.bell });
    const unread = async () => Number(c.bell.exec((await bell.getAttribute("aria-label")) ?? "")?.[2] ?? 0);
    const before = await unread();

    // The event: writing to support, which emails a receipt to the person.
    await page.getByRole("contentinfo").getByRole("link", { name: c.contact.link }).click();
    await page.getByLabel(c.contact.subject).fill(c.subject);
    await page.getByLabel(c.contact.body).fill("Bonjour, je voudrais savoir comment fonctionnent les notifications. / How do notifications work?");
    await page.getByRole("button", { name: c.contact.send }).click();
    await page.waitForURL(/\/(contact\/sent|support\/)/);
    await page.goto(`${baseUrl}/dashboard`);
    expect(await unread()).toBe(before + 1);
    await visitor.screenshot(`${c.lang}-85-header-bell`);

    await bell.click();
    await page.waitForURL(/\/notifications$/);
    const item = page.getByRole("list", { name: /notifications/i }).getByRole("link", { name: new RegExp(c.subject) });
    await item.waitFor();
    expect(await item.getAttribute("href")).toMatch(/^\/notifications\/[0-9a-f-]+\/open$/);
    await visitor.screenshot(`${c.lang}-86-notifications`);

    // Opening it goes to the thing it is about, and marks it read.
    await item.click();
    await page.waitForURL(/\/support\/[0-9a-f-]+$/);
    await page.getByText(c.subject).first().waitFor();
    expect(await unread()).toBe(before);
    await page.goto(`${baseUrl}/notifications`);

    // The demo data's own events (a bid, a contract) are still unread: "mark all" has work to do.
    expect(before).toBeGreaterThan(0);
    await page.getByRole("button", { name: c.markAll }).click();
    await page.getByText(c.allRead).waitFor();
    await page.getByRole("banner").getByRole("link", { name: /^Notifications$/ }).waitFor();
    expect(await unread()).toBe(0);

    await page.goto(`${baseUrl}/notifications/settings`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await visitor.screenshot(`${c.lang}-87-notification-settings`);
    expect(foreignRequests(visitor)).toEqual([]);
    await visitor.context.close();
  });
});
