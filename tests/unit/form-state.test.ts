import { describe, expect, it, vi } from "vitest";
import { formDataToValues } from "@/lib/actions/form-values";
import { formText, guardedAction, MAX_ECHOED_CHARS, submittedValues } from "@/lib/actions/form-state";
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

  it("refuses a request without form data before the action runs, logged once, no stack in the answer", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const body = vi.fn(async () => ({ status: "success" as const }));
    for (const notAForm of [undefined, null, "hello", { email: "a@b.fr" }, ["x"]]) {
      const state = await guardedAction(notAForm as unknown as FormData, body);
      expect(state).toEqual({ status: "error", formError: "common.invalidRequest" });
    }
    expect(body).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(5);
    log.mockRestore();
  });

  it("the readers of a form give nothing, never throw, for a request without form data", () => {
    expect(submittedValues(undefined as unknown as FormData)).toEqual({});
    expect(formDataToValues("x" as unknown as FormData)).toEqual({});
    expect(formText(undefined, "jobId")).toBe("");
  });

  it("reads a file sent where text was expected as no text", () => {
    const data = form({ name: "Claire" });
    data.append("jobId", new Blob(["x"]), "x.txt");
    expect(formText(data, "jobId")).toBe("");
    expect(formText(data, "name")).toBe("Claire");
  });

  it.each([
    ["a NUL", "Boulangerie\u0000Martin"],
    ["invalid UTF-8 (decoded as U+FFFD)", "Caf\uFFFD"],
    ["an unpaired surrogate", "abc\uD800"],
  ])("refuses %s in any field with the form's usual answer, before the action runs", async (_what, bad) => {
    const body = vi.fn(async () => ({ status: "success" as const }));
    const state = await guardedAction(form({ legalName: bad, city: "Lyon" }), body);
    expect(body).not.toHaveBeenCalled();
    expect(state.status).toBe("error");
    expect(state.formError).toBe("common.invalidCharacters");
    expect(state.fieldErrors).toEqual({ legalName: "invalidCharacters" });
    expect(state.values?.city).toBe("Lyon");
    expect(state.values?.legalName).not.toMatch(/[\u0000\uFFFD\uD800]/);
  });

  it("never echoes more than MAX_ECHOED_CHARS of a field", async () => {
    const huge = "x".repeat(5 * 1024 * 1024);
    const data = form({ title: huge, note: "court" });
    const refused = await guardedAction(data, async () => ({ status: "error", fieldErrors: { title: "tooLong" }, values: submittedValues(data) }));
    expect(refused.values?.title).toHaveLength(MAX_ECHOED_CHARS);
    expect(refused.values?.note).toBe("court");
    const crashed = await guardedAction(data, async () => Promise.reject(new PolicyError("forbidden")));
    expect(crashed.values?.title).toHaveLength(MAX_ECHOED_CHARS);
    expect(JSON.stringify(refused).length).toBeLessThan(2 * MAX_ECHOED_CHARS);
  });

  it("gives the action the values as typed (the schema, not the echo, decides what is too long)", () => {
    const long = "y".repeat(MAX_ECHOED_CHARS + 1);
    expect(submittedValues(form({ method: long })).method).toHaveLength(MAX_ECHOED_CHARS + 1);
    expect(formDataToValues(form({ method: long })).method).toHaveLength(MAX_ECHOED_CHARS + 1);
  });
});
