import { describe, expect, it } from "vitest";
import { ERROR_PREVIEW_CHARS, redactError } from "@/lib/background-admin/redact";

describe("redactError", () => {
  it("masks addresses, URL paths and token-like strings, and drops stack lines", () => {
    const shown = redactError(
      "Error: failed for jane.doe@example.fr at https://app.example/api/auth/callback/email?token=abcdef key sk_live_51Habcdefghijklmnopqrstuvwxyz\n    at deliver (lib/email/deliver.ts:10:3)",
    );
    expect(shown).toBe("Error: failed for [email] at https://app.example/… key […]");
  });

  it("cuts long messages and keeps null as null", () => {
    expect(redactError("x ".repeat(400))?.length).toBe(ERROR_PREVIEW_CHARS);
    expect(redactError(null)).toBeNull();
  });
});
