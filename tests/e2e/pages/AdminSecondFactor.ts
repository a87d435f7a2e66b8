import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { generate } from "otplib";
import type { Cookie, Page } from "playwright-core";
import { expect, inject } from "vitest";

/** Admins enrol once per e2e run; their secrets and last used time steps are shared by the files. */
const STATE_FILE = inject("e2eSecondFactorFile");

interface Enrolled {
  secret: string;
  lastStep: number;
  recoveryCodes: string[];
  /** The session cookie of the last sign-in that passed the second factor. */
  session?: Cookie;
}

function load(): Record<string, Enrolled> {
  return existsSync(STATE_FILE) ? (JSON.parse(readFileSync(STATE_FILE, "utf8")) as Record<string, Enrolled>) : {};
}

function save(email: string, enrolled: Enrolled) {
  writeFileSync(STATE_FILE, JSON.stringify({ ...load(), [email]: enrolled }));
}

export function enrolledSecondFactor(email: string): Enrolled | undefined {
  return load()[email];
}

/** After new recovery codes were shown: the ones the next files may use. */
export function rememberRecoveryCodes(email: string, recoveryCodes: string[]) {
  const enrolled = load()[email];
  if (enrolled) save(email, { ...enrolled, recoveryCodes });
}

export function adminSessionCookie(email: string): Cookie | undefined {
  return load()[email]?.session;
}

export function rememberAdminSession(email: string, session: Cookie) {
  const enrolled = load()[email];
  if (enrolled) save(email, { ...enrolled, session });
}

/**
 * A code of a time step not used yet (the app refuses a step twice): the current step, else the
 * next one (accepted one step early), else wait for time to catch up.
 */
export async function freshTotpCode(email: string): Promise<string> {
  const enrolled = load()[email];
  if (!enrolled) throw new Error(`${email} has not enrolled a second factor in this run`);
  const step = Math.max(Math.floor(Date.now() / 30_000), enrolled.lastStep + 1);
  const waitMs = (step - 1) * 30_000 - Date.now() + 1_000;
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  save(email, { ...enrolled, lastStep: step });
  return generate({ secret: enrolled.secret, epoch: step * 30 + 1 });
}

/** Page object: the admin second factor, enrolment on the first sign-in and a code afterwards. */
export class AdminSecondFactor {
  constructor(private readonly page: Page) {}

  /** On /second-factor/enrol: reads the secret shown, proves it with a code, keeps the recovery codes. */
  async enrol(email: string): Promise<Enrolled> {
    const secretText = this.page.getByTestId("totp-secret");
    const secret = (await secretText.getAttribute("data-secret")) ?? "";
    expect((await secretText.textContent())?.replaceAll(" ", "")).toBe(secret);
    expect(await this.page.locator('main img[src^="data:image/svg+xml"]').count()).toBe(1);
    const step = Math.floor(Date.now() / 30_000);
    await this.codeField().fill(await generate({ secret, epoch: step * 30 + 1 }));
    await this.page.locator("main form button[type=submit]").click();
    const list = this.page.getByTestId("recovery-codes");
    await list.waitFor();
    const recoveryCodes = (await list.locator("li").allTextContents()).map((code) => code.trim());
    expect(recoveryCodes).toHaveLength(10);
    const enrolled = { secret, lastStep: step, recoveryCodes };
    save(email, enrolled);
    return enrolled;
  }

  /** On /second-factor: types a fresh authenticator code. */
  async verify(email: string) {
    await this.codeField().fill(await freshTotpCode(email));
    await this.page.locator("main form button[type=submit]").first().click();
  }

  /** Whichever the app asks for (enrolment or a code), then on to the page asked for at sign-in. */
  async pass(email: string) {
    if (new URL(this.page.url()).pathname === "/second-factor/enrol") {
      await this.enrol(email);
      await this.page.getByTestId("recovery-codes-done").click();
    } else {
      await this.verify(email);
    }
    await this.page.waitForURL((url) => !url.pathname.startsWith("/second-factor"));
  }

  codeField() {
    return this.page.locator('main input[autocomplete="one-time-code"]').first();
  }
}
