import type { Page } from "playwright-core";
import { baseUrl } from "../support/browser";
import { AdminSecondFactor } from "./AdminSecondFactor";

/** Page object: the magic-link sign-in, read through the demo mailbox. */
export class SignInFlow {
  /** `base`: another app than the run's (an e2e file that starts its own). */
  constructor(
    private readonly page: Page,
    private readonly base = baseUrl,
  ) {}

  async requestLink(email: string, labels: { email: RegExp; submit: RegExp }) {
    await this.page.getByLabel(labels.email).fill(email);
    await this.page.getByRole("button", { name: labels.submit }).click();
  }

  /** Opens the newest email sent to `email` in /dev/mailbox and follows its first link. */
  async followLatestLink(email: string) {
    await this.page.goto(`${this.base}/dev/mailbox?to=${encodeURIComponent(email)}`);
    await this.page.locator("table tbody tr").first().getByRole("link").click();
    await this.page.getByTestId("email-link").first().click();
    await this.page.waitForLoadState("networkidle");
  }

  /**
   * The whole sign-in for a known address, starting anywhere. An admin also passes the second
   * factor (enrolling on the first sign-in of the run), unless `secondFactor` is false.
   */
  async signIn(email: string, callbackUrl = "/dashboard", options: { secondFactor?: boolean } = {}) {
    await this.page.goto(`${this.base}/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await this.page.locator('main input[name="email"]').fill(email);
    await this.page.locator('main form button[type="submit"]').click();
    await this.page.waitForURL(/\/signin\/check-email/);
    await this.followLatestLink(email);
    if (options.secondFactor !== false && new URL(this.page.url()).pathname.startsWith("/second-factor")) {
      await new AdminSecondFactor(this.page).pass(email);
    }
  }
}
