import { AuthError } from "next-auth";
import { signIn } from "./auth";

/**
 * Asks Auth.js to email a sign-in link. A suspended account gets no link, but the answer is the
 * same as for anyone else, so that the form does not tell who has an account or is suspended.
 */
export async function sendMagicLink(email: string, callbackUrl: string): Promise<void> {
  try {
    await signIn("email", { email, redirectTo: callbackUrl, redirect: false });
  } catch (error) {
    if (error instanceof AuthError && error.type === "AccessDenied") return;
    throw error;
  }
}
