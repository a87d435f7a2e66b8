import { generate, generateSecret } from "otplib";
import { describe, expect, it } from "vitest";
import { looksLikeTotpCode, matchTotpStep } from "@/lib/auth/second-factor/totp";

const secret = generateSecret();
// The middle of a 30 s period, so that ±15 s stays within it.
const at = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 15_000);
const step = Math.floor(at.getTime() / 30_000);
const codeAt = (offsetSteps: number) => generate({ secret, epoch: (step + offsetSteps) * 30 + 1 });

describe("TOTP codes (RFC 6238, 30 s)", () => {
  it("accepts the current code and one step either side, and says which step it was", async () => {
    expect(await matchTotpStep(secret, await codeAt(0), { at })).toBe(step);
    expect(await matchTotpStep(secret, await codeAt(-1), { at })).toBe(step - 1);
    expect(await matchTotpStep(secret, await codeAt(1), { at })).toBe(step + 1);
  });

  it("refuses codes two steps away, other secrets' codes and anything but six digits", async () => {
    expect(await matchTotpStep(secret, await codeAt(-2), { at })).toBeNull();
    expect(await matchTotpStep(secret, await codeAt(2), { at })).toBeNull();
    expect(await matchTotpStep(generateSecret(), await codeAt(0), { at })).toBeNull();
    expect(await matchTotpStep(secret, "12345", { at })).toBeNull();
    expect(await matchTotpStep(secret, "abcdef", { at })).toBeNull();
  });

  it("allows spaces inside a typed code", async () => {
    const code = await codeAt(0);
    expect(await matchTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { at })).toBe(step);
    expect(looksLikeTotpCode("123 456")).toBe(true);
    expect(looksLikeTotpCode("k7m2q-x9p4t")).toBe(false);
  });

  it("refuses a step already used (replay)", async () => {
    expect(await matchTotpStep(secret, await codeAt(0), { at, afterStep: step })).toBeNull();
    expect(await matchTotpStep(secret, await codeAt(0), { at, afterStep: step - 1 })).toBe(step);
  });
});
