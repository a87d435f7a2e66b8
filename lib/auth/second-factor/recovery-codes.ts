import { createHash, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: easy to copy by hand. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten fresh codes like `k7m2q-x9p4t` (about 49 bits each). */
export function newRecoveryCodes(): string[] {
  const one = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const code = one();
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** Case, spaces and dashes do not matter when typing a code back. */
export function hashRecoveryCode(input: string): string {
  const normalized = input.toLowerCase().replace(/[\s-]+/g, "");
  return createHash("sha256").update(`compagnon-recovery:${normalized}`).digest("hex");
}
