import { generateSecret, generateURI, verify } from "otplib";

export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = "Compagnon";

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

/** Six digits, spaces allowed ("123 456"), nothing else. */
export function looksLikeTotpCode(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s+/g, ""));
}

/**
 * The RFC 6238 time step a code belongs to, or null. The current step and one on either side
 * are accepted (a phone's clock drifts, and a code typed at the end of its 30 s still counts).
 * Steps up to `afterStep` (already used) are refused: a code works once.
 */
export async function matchTotpStep(
  secret: string,
  code: string,
  options: { at?: Date; afterStep?: number | null } = {},
): Promise<number | null> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor((options.at ?? new Date()).getTime() / 1000),
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(options.afterStep == null ? {} : { afterTimeStep: options.afterStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
