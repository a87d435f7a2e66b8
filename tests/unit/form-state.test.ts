import { describe, expect, it, vi } from "vitest";
import { guardedAction, submittedValues } from "@/lib/actions/form-state";
import { PolicyError } from "@/lib/auth/policy";

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
}

describe("guardedAction", () => {
  it("returns what the body returns", async () => {
    await expect(guardedAction(form({}), async () => ({ status: "success" }))).resolves.toEqual({ status: "success" });
  });

  it("turns a policy refusal into a translated state and keeps what was typed", async () => {
    const data = form({ email: "a@b.fr", $ACTION_ID_x: "", note: "gardé" });
    await expect(guardedAction(data, async () => Promise.reject(new PolicyError("forbidden")))).resolves.toEqual({
      status: "error",
      formError: "common.forbidden",
      values: { email: "a@b.fr", note: "gardé" },
    });
    await expect(guardedAction(data, async () => Promise.reject(new PolicyError("unauthenticated")))).resolves.toMatchObject({
      formError: "common.signInAgain",
    });
  });

  it("logs an unexpected error and shows a generic message, never its text", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await guardedAction(form({ a: "1" }), async () => {
      throw new Error("connection to 10.0.0.3 refused: password authentication failed");
    });
    expect(state).toEqual({ status: "error", formError: "common.genericError", values: { a: "1" } });
    expect(JSON.stringify(state)).not.toContain("password");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it("lets Next.js redirects through", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/dashboard;307;" });
    await expect(guardedAction(form({}), async () => Promise.reject(redirect))).rejects.toBe(redirect);
  });

  it("keeps only text fields", () => {
    const data = form({ name: "Claire" });
    data.append("file", new Blob(["x"]), "x.pdf");
    expect(submittedValues(data)).toEqual({ name: "Claire" });
  });
});
