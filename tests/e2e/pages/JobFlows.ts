import type { Page } from "playwright-core";
import type fr from "@/messages/fr.json";
import { baseUrl } from "../support/browser";

type Messages = typeof fr;

/** Page object: a client posts a complete need through the six wizard steps and publishes it. */
export async function postNeed(page: Page, t: Messages, need: { title: string; description: string; secret: string; kind?: "installation" | "training" | "support_monthly" }): Promise<string> {
  const w = t.jobWizard;
  const next = () => page.getByRole("button", { name: w.saveAndContinue }).click();
  await page.goto(`${baseUrl}/jobs/new`);
  await page.getByRole("button", { name: w.start }).click();
  await page.waitForURL(/\/edit\/1$/);
  await page.getByLabel(w[`kind_${need.kind ?? "installation"}`]).check();
  await next();
  await page.waitForURL(/\/edit\/2$/);
  await page.getByLabel("Odoo Community", { exact: true }).check();
  await next();
  await page.waitForURL(/\/edit\/3$/);
  await page.getByLabel(w.personalDataYes).check();
  await page.getByLabel(w.dataSubject_customers).check();
  await page.getByLabel(w.dataCategory_financial).check();
  await next();
  await page.waitForURL(/\/edit\/4$/);
  await page.getByLabel(w.budgetFixed).check();
  await page.getByLabel(w.budgetMin).fill("2000");
  await page.getByLabel(w.budgetMax).fill("5000");
  await next();
  await page.waitForURL(/\/edit\/5$/);
  await page.getByLabel(w.startOn).fill("2027-04-01");
  await page.getByLabel(w.departement).selectOption("69");
  await next();
  await page.waitForURL(/\/edit\/6$/);
  await page.getByLabel(w.title).fill(need.title);
  await page.getByLabel(w.description).fill(need.description);
  await page.getByLabel(w.confidential).fill(need.secret);
  await page.getByRole("button", { name: w.toPreview }).click();
  await page.waitForURL(/\/edit\/preview$/);
  await page.getByRole("button", { name: w.publish }).click();
  await page.getByRole("heading", { level: 1, name: need.title }).waitFor();
  return new URL(page.url()).pathname;
}

/** Page object: a verified expert accepts the job's NDA and sends a one-milestone fixed-price bid. */
export async function sendBid(page: Page, t: Messages, jobPath: string, bid: { total: string; method: string; milestone: string }, beforeSend?: () => Promise<void>) {
  const b = t.bids;
  await page.goto(`${baseUrl}${jobPath}`);
  await page.getByLabel(t.jobBoard.ndaCheckbox).check();
  await page.getByRole("button", { name: t.jobBoard.ndaSubmit }).click();
  await page.getByLabel(b.total, { exact: true }).waitFor();
  await page.getByLabel(b.total, { exact: true }).fill(bid.total);
  await page.getByLabel(b.durationDays).fill("15");
  await page.getByLabel(b.startOn).fill("2027-04-01");
  await page.getByRole("textbox", { name: b.method }).fill(bid.method);
  await page.getByLabel(b.milestoneTitle).fill(bid.milestone);
  await page.getByLabel(b.milestoneAmount).fill(bid.total);
  await page.getByLabel(b.milestoneDue).fill("2027-04-20");
  await beforeSend?.();
  await page.getByRole("button", { name: b.send }).click();
  await page.getByRole("heading", { name: b.myBid }).waitFor();
}

/** The subjects of the emails sent to `email`, newest first, read from the demo mailbox. */
export async function mailboxSubjects(page: Page, email: string): Promise<string[]> {
  await page.goto(`${baseUrl}/dev/mailbox?to=${encodeURIComponent(email)}`);
  return page.locator("table tbody tr td:nth-child(3)").allInnerTexts();
}
