import { AuthError } from "next-auth";
import { tellSuspendedAccount } from "@/lib/accounts/suspended-sign-in";
import { signIn } from "./auth";

/**
 * Asks Auth.js to email a sign-in link. A suspended account gets no link but an email saying it
 * is suspended; the form's answer is the same as for anyone else, so that it does not tell who
 * has an account or is suspended.
 */
export async function sendMagicLink(email: string, callbackUrl: string): Promise<void> {
  try {
    await signIn("email", { email, redirectTo: callbackUrl, redirect: false });
  } catch (error) {
    if (error instanceof AuthError && error.type === "AccessDenied") return tellSuspendedAccount(email);
    throw error;
  }
}
