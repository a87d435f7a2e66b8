import type { Page } from "playwright-core";
import { baseUrl } from "../support/browser";
import { AdminSecondFactor, adminSessionCookie, rememberAdminSession } from "./AdminSecondFactor";

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
    if (options.secondFactor !== false && (await this.resumeAdminSession(email, callbackUrl))) return;
    await this.page.goto(`${this.base}/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await this.page.locator('main input[name="email"]').fill(email);
    await this.page.locator('main form button[type="submit"]').click();
    await this.page.waitForURL(/\/signin\/check-email/);
    await this.followLatestLink(email);
    if (options.secondFactor !== false && new URL(this.page.url()).pathname.startsWith("/second-factor")) {
      await new AdminSecondFactor(this.page).pass(email);
      const session = (await this.page.context().cookies()).find((cookie) => cookie.name.includes("session-token"));
      if (session) rememberAdminSession(email, session);
    }
  }

  /**
   * An admin who already passed the second factor in this run goes on with that session (the
   * app accepts each authenticator time step once, so a new sign-in for every file would wait for
   * the next 30-second step). Only the session cookie is carried over, not the language. False when
   * there is none or the app no longer accepts it (signed out, revoked): then the whole sign-in runs.
   */
  private async resumeAdminSession(email: string, callbackUrl: string): Promise<boolean> {
    const session = adminSessionCookie(email);
    if (!session) return false;
    await this.page.context().addCookies([session]);
    await this.page.goto(`${this.base}${callbackUrl}`);
    const { pathname } = new URL(this.page.url());
    if (!pathname.startsWith("/signin") && !pathname.startsWith("/second-factor")) return true;
    await this.page.context().clearCookies({ name: session.name });
    return false;
  }
}
