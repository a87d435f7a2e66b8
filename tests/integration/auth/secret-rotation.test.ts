import { Auth } from "@auth/core";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailOutbox, sessions } from "@/db/schema";
import { GET } from "@/app/api/auth/[...nextauth]/route";
import { authConfig } from "@/lib/auth/config";
import { confirmTotpEnrolment, pendingTotpSecret } from "@/lib/auth/second-factor/enrolment";
import { reenrolTotp } from "@/lib/auth/second-factor/management";
import { verifySecondFactor } from "@/lib/auth/second-factor/verification";
import { createSignInLink } from "@/lib/auth/sign-in-link";
import { resetEnvCache } from "@/lib/env";
import { getInvitationByToken, inviteMember } from "@/lib/organizations/invitations";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { anotherSession, makeSession, signedInAdmin, totpCode } from "../../helpers/second-factor";

/*
 * The README's "Rotating secrets" says what a new AUTH_SECRET ends: sign-in links already sent,
 * and the admins' authenticator codes (their secrets are sealed with a key derived from it);
 * and what it keeps: database sessions (with the second factor they passed) and invitations.
 * Each claim, played with the real Auth.js route and the real second-factor use cases.
 */

const APP_URL = process.env.APP_URL ?? "";
const OLD_SECRET = process.env.AUTH_SECRET ?? "";
const NEW_SECRET = "Zq8+1vK3mT0pYw5sXe7uN2rB4cH6jL9dGaFiOkMnQ0=";

function rotate() {
  process.env.AUTH_SECRET = NEW_SECRET;
  resetEnvCache();
}
afterEach(() => {
  process.env.AUTH_SECRET = OLD_SECRET;
  resetEnvCache();
});

/** Opens a sign-in link as a browser would: through the real Auth.js route handler. */
async function open(link: string) {
  const response = await GET(new NextRequest(link));
  return response.headers.get("location") ?? "";
}

/** What Auth.js answers for a session cookie (as `auth()` in a page). */
async function readSession(sessionToken: string) {
  const request = new Request(`${APP_URL}/api/auth/session`, { headers: { cookie: `authjs.session-token=${sessionToken}` } });
  const response = await Auth(request, { ...authConfig(), basePath: "/api/auth" });
  return (await response.json()) as { user?: { id: string; secondFactor: string | null } } | null;
}

describe("rotating AUTH_SECRET, as the README says", () => {
  it("ends the sign-in links already sent; a link asked for after the change works", async () => {
    const person = await makeUser("client");
    const inFlight = await createSignInLink({ email: person.email, appUrl: APP_URL, secret: OLD_SECRET, callbackPath: "/dashboard", minutes: 15 });
    rotate();
    expect(await open(inFlight.url)).toMatch(/\/signin\/error\?error=Verification/);
    const fresh = await createSignInLink({ email: person.email, appUrl: APP_URL, secret: NEW_SECRET, callbackPath: "/dashboard", minutes: 15 });
    expect(await open(fresh.url)).toBe(`${APP_URL}/dashboard`);
  });

  it("keeps database sessions, with the second factor an admin's session already passed", async () => {
    const person = await makeUser("client");
    const session = await makeSession(person.id);
    const admin = await makeUser("admin");
    const adminSession = await makeSession(admin.id);
    await db.update(sessions).set({ secondFactorMethod: "totp", secondFactorAt: new Date() }).where(eq(sessions.id, adminSession.id));
    rotate();
    expect(await readSession(session.sessionToken)).toMatchObject({ user: { id: person.id } });
    expect(await readSession(adminSession.sessionToken)).toMatchObject({ user: { id: admin.id, secondFactor: "totp" } });
  });

  it("keeps invitations", async () => {
    const owner = await makeUser("client");
    const organization = await makeOrganization(owner);
    const invited = await inviteMember(owner, { organizationId: organization.id, email: "rotation.invite@example.test", role: "member" });
    if (!invited.ok) throw new Error(invited.error);
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "rotation.invite@example.test"));
    const token = (mail?.text.match(/\/invitations\/([A-Za-z0-9_-]+)/) ?? [])[1] ?? "";
    expect(token).not.toBe("");
    rotate();
    expect(await getInvitationByToken(token)).toMatchObject({ email: "rotation.invite@example.test", revokedAt: null, acceptedAt: null });
  });

  it("refuses the admins' authenticator codes; a recovery code passes, and moves the admin to a new authenticator", async () => {
    const first = await signedInAdmin();
    const { secret } = await pendingTotpSecret(first);
    const enrolled = await confirmTotpEnrolment(first, { code: await totpCode(secret) });
    if (!enrolled.ok) throw new Error(enrolled.error);
    const [recovery = "", another = ""] = enrolled.value.recoveryCodes;
    rotate();

    const later = await anotherSession(first);
    expect(await verifySecondFactor(later, { code: await totpCode(secret, 1) })).toMatchObject({ ok: false, error: "wrong_code" });
    expect(await verifySecondFactor(later, { code: recovery })).toEqual({ ok: true, value: { method: "recovery_code" } });

    // On /admin/security: a new authenticator, proven with another recovery code.
    const verified = { ...later, secondFactor: "recovery_code" as const };
    const { secret: newSecret } = await pendingTotpSecret(verified);
    const moved = await reenrolTotp(verified, { currentCode: another, newCode: await totpCode(newSecret) });
    expect(moved.ok).toBe(true);
    const next = await anotherSession(first);
    expect(await verifySecondFactor(next, { code: await totpCode(newSecret, 1) })).toEqual({ ok: true, value: { method: "totp" } });
  });
});
